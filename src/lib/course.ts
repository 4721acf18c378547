/**
 * A pack's lessons in reading order, with their addresses and neighbours. Pure: takes the
 * collection entries' IDs and data, so pages, tests and (later) the server agree on one order.
 */
import type { Lesson } from '../schemas/lesson.ts';
import { byOrderPrefix, neighbours, stripOrderPrefix } from './order.ts';

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
 * Average silent reading rate of adults for non-fiction in English (Brysbaert, 2019: 238 words a
 * minute). Plain-English lessons read at least this fast.
 */
export const WORDS_PER_MINUTE = 238;

/** Reading time to the nearest minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
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
    const words = countWords(e.entry.body ?? '');
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

/** Total reading time of a list of lessons, from their words (not a sum of rounded minutes). */
export function totalMinutes(lessons: readonly { words: number }[]): number {
  return readingMinutes(lessons.reduce((sum, l) => sum + l.words, 0));
}

