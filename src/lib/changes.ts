/**
 * "What changed since you signed": a member's last record names the SHA-256 of every lesson they
 * read; today's build names today's. Comparing the two, lesson by lesson, gives the lessons that are
 * new, changed or removed. A changed lesson's own `changes` note (frontmatter) says what changed.
 */
import type { LessonDigest } from './digest.ts';

export interface LessonNow extends LessonDigest {
  title: string;
  href: string;
  /** The lesson's `changes` note, if its author wrote one. */
  changes?: string | undefined;
}

export interface LessonChanges {
  added: LessonNow[];
  changed: LessonNow[];
  /** IDs of lessons in the record that the course no longer has. */
  removed: string[];
  unchanged: number;
}

export function lessonChanges(signed: readonly LessonDigest[], now: readonly LessonNow[]): LessonChanges {
  const before = new Map(signed.map((l) => [l.id, l.sha256]));
  const ids = new Set(now.map((l) => l.id));
  return {
    added: now.filter((l) => !before.has(l.id)),
    changed: now.filter((l) => before.has(l.id) && before.get(l.id) !== l.sha256),
    removed: signed.filter((l) => !ids.has(l.id)).map((l) => l.id),
    unchanged: now.filter((l) => before.get(l.id) === l.sha256).length,
  };
}

/** The lessons a refresher asks a member to read again: the new and the changed, in course order. */
export const lessonsToRead = (c: LessonChanges): string[] => [...c.added, ...c.changed].map((l) => l.id);

/** A readable name for a removed lesson, from its ID (`wyre/modules/04-libel` → "libel"). */
export const removedName = (id: string): string => (id.split('/').at(-1) ?? id).replace(/^\d+-/, '').replace(/-/g, ' ');
