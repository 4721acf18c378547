/**
 * A pack's lessons in reading order, with their addresses and neighbours. Pure: takes the
 * collection entries' IDs and data, so pages, tests and (later) the server agree on one order.
 */
import type { Lesson } from '../schemas/lesson.ts';
import { byOrderPrefix, neighbours, stripOrderPrefix } from './order.ts';
import { RATES } from './route.ts';

/** `module`: a policy section; `example`: one of the policy's worked examples. */
export type LessonPart = 'module' | 'example';

/** The folder under `content/<pack>/` for each part, and the address segment it is served under. */
export const PARTS: Record<LessonPart, { folder: string; path: string; heading: string }> = {
  module: { folder: 'modules', path: 'lessons', heading: 'Policy sections' },
  example: { folder: 'scenarios', path: 'examples', heading: 'Worked examples' },
};

export interface LessonRef {
  /** Collection entry ID, e.g. `wyre/modules/04-libel`. */
  id: string;
  pack: string;
  part: LessonPart;
  /** Slug without order prefix, e.g. `libel`. */
  slug: string;
  /** Site address, e.g. `/wyre/lessons/libel/`. */
  href: string;
  /** 1-based position in the pack. */
  number: number;
  data: Lesson;
  /** Words in the core text (before any "More on this" section). */
  words: number;
  minutes: number;
}

export interface OrderedLesson extends LessonRef {
  previous: LessonRef | undefined;
  next: LessonRef | undefined;
}

/** Splits an entry ID (`<pack>/<modules|scenarios>/<NN-slug>`) into its parts; throws on any other shape. */
export function parseLessonId(id: string): { pack: string; part: LessonPart; folder: string } {
  const [pack, partFolder, folder, ...rest] = id.split('/');
  const part = (Object.keys(PARTS) as LessonPart[]).find((p) => PARTS[p].folder === partFolder);
  if (!pack || !part || !folder || rest.length > 0) {
    throw new Error(`Lesson "${id}" is not at content/<pack>/modules/NN-slug/index.mdx or content/<pack>/scenarios/NN-slug.mdx`);
  }
  return { pack, part, folder };
}

/** Words in a Markdown body, ignoring syntax characters. */
export function countWords(markdown: string): number {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|-]+/g, ' ');
  return plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Optional depth in a lesson starts at a level-2 heading that begins "More on this"; everything from
 * there to the end of the lesson is shown closed ("More on this", not required). The core text is
 * what comes before it: what every route asks a member to read.
 */
export const MORE_HEADING = /^## More on this\b.*$/m;

/**
 * A rendered lesson split at its "More on this" heading: the core HTML, then the heading's inner
 * HTML and the rest, for the page to show closed. Works on the rendered HTML, whatever Markdown
 * processor made it.
 */
export function splitMoreHtml(html: string): { core: string; more?: { heading: string; body: string } } {
  const match = /<h2\b[^>]*>\s*(More on this\b[\s\S]*?)<\/h2>/.exec(html);
  if (!match) return { core: html };
  return { core: html.slice(0, match.index), more: { heading: match[1]!.trim(), body: html.slice(match.index + match[0].length) } };
}

/** The lesson's core Markdown: the body up to its "More on this" section, if it has one. */
export function coreMarkdown(markdown: string): string {
  const match = MORE_HEADING.exec(markdown);
  return match ? markdown.slice(0, match.index) : markdown;
}

/** Reading time to the nearest minute, at least one, at the routes' reading rate. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / RATES.wordsPerMinute));
}

/** Orders a pack's lessons: policy sections by folder prefix, then worked examples by prefix. */
export function orderLessons(
  pack: string,
  entries: readonly { id: string; data: Lesson; body?: string | undefined }[],
): OrderedLesson[] {
  const parsed = entries
    .map((entry) => ({ entry, ...parseLessonId(entry.id) }))
    .filter((e) => e.pack === pack);
  const ordered = (['module', 'example'] as const).flatMap((part) =>
    byOrderPrefix(parsed.filter((e) => e.part === part), (e) => e.folder),
  );
  const refs: LessonRef[] = ordered.map((e, i) => {
    const slug = stripOrderPrefix(e.folder);
    const words = countWords(coreMarkdown(e.entry.body ?? ''));
    return {
      id: e.entry.id,
      pack,
      part: e.part,
      slug,
      href: `/${pack}/${PARTS[e.part].path}/${slug}/`,
      number: i + 1,
      data: e.entry.data,
      words,
      minutes: readingMinutes(words),
    };
  });
  const hrefs = new Set<string>();
  for (const ref of refs) {
    if (hrefs.has(ref.href)) throw new Error(`Two lessons in pack "${pack}" would both be served at ${ref.href}; rename one folder`);
    hrefs.add(ref.href);
  }
  return refs.map((ref, i) => ({ ...ref, ...neighbours(refs, i) }));
}
