/**
 * One helper that turns a zod error into messages a course author can act on:
 * which file, which field, what was expected and what was found.
 */
import type { z } from 'zod';

/** A validation failure in a course data file; `message` lists every problem, one a line. */
export class CourseDataError extends Error {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'CourseDataError';
    this.file = file;
    this.problems = problems;
  }
}

/** `policy.title`, `lessons[2].rules`, or `(top level)` for the document itself. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${String(value)}`;
}

/** Walks a value by a zod issue path, to report what was actually found there. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** One plain-English line per zod issue: `field "x": what is wrong`. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const field = `field "${fieldName(issue.path)}"`;
    const found = valueAt(input, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${fieldName([...issue.path, k])}"`).join(', ');
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys}: check the spelling or remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    }
    if (issue.code === 'invalid_type' && found === undefined) {
      return `${field} is missing: ${issue.message}`;
    }
    return `${field}: ${issue.message} (found ${describe(found)})`;
  });
}

/** Parses `input` with `schema`, or throws a CourseDataError naming the file and every field at fault. */
export function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new CourseDataError(file, describeIssues(result.error, input));
}
