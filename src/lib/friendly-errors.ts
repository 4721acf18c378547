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

/**
 * A course file that is not there: `content/x/pack.yaml is missing: what it holds and how to add it`,
 * instead of a raw ENOENT stack.
 */
export function missingFile(file: string, hint: string): CourseDataError {
  const error = new CourseDataError(file, [`is missing: ${hint}`]);
  error.message = `${file} is missing: ${hint}`;
  return error;
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

/** A value as a list of choices shows it: strings bare, others as YAML would write them. */
const choice = (value: unknown) => (typeof value === 'string' ? value : String(value));

/**
 * zod's own wording ("Invalid option: expected one of \"a\"|\"b\"", "Invalid input: expected string,
 * received number") in the project's words. A schema's own `error` text is kept as it is.
 */
function ownWords(issue: z.core.$ZodIssue): string {
  if (!/^Invalid (option|input)\b/.test(issue.message) && !/^Too (small|big)\b/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${choice(issue.values[0])}`
        : `expected one of: ${issue.values.map(choice).join(', ')}`;
    case 'invalid_type': {
      const kinds: Record<string, string> = {
        string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list',
        object: 'a group of fields', date: 'a date',
      };
      return `expected ${kinds[issue.expected] ?? issue.expected}`;
    }
    case 'too_small':
      return issue.origin === 'array' ? `expected at least ${issue.minimum} ${issue.minimum === 1 ? 'item' : 'items'}`
        : issue.origin === 'string' ? (issue.minimum === 1 ? 'must not be empty' : `expected at least ${issue.minimum} characters`)
        : `expected ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `expected at most ${issue.maximum} ${issue.maximum === 1 ? 'item' : 'items'}`
        : issue.origin === 'string' ? `expected at most ${issue.maximum} characters`
        : `expected ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    default:
      return issue.message;
  }
}

/** One plain-English line per zod issue: `field "x": what is wrong`. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const field = `field "${fieldName(issue.path)}"`;
    const found = valueAt(input, issue.path);
    const message = ownWords(issue);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${fieldName([...issue.path, k])}"`).join(', ');
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys}: check the spelling or remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    }
    if ((issue.code === 'invalid_type' || issue.code === 'custom') && found === undefined) {
      return `${field} is missing: ${message}`;
    }
    return `${field}: ${message} (found ${describe(found)})`;
  });
}

/** Parses `input` with `schema`, or throws a CourseDataError naming the file and every field at fault. */
export function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new CourseDataError(file, describeIssues(result.error, input));
}
