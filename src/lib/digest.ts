/**
 * SHA-256 digests of the lesson text a member read. A lesson's digest covers its ID, frontmatter
 * (title, summary, source, rules) and Markdown body with line endings normalised; the pack's digest
 * covers the ordered list of lesson digests. Any change to a lesson's words changes both, so a record
 * names exactly the text signed, and a new build with different text asks members to re-sign.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

export interface LessonDigest {
  /** Lesson ID, e.g. `wyre/modules/04-libel`. */
  id: string;
  sha256: string;
}

export function lessonDigest(lesson: { id: string; data: object; body?: string | undefined }): LessonDigest {
  const body = (lesson.body ?? '').replace(/\r\n?/g, '\n');
  return { id: lesson.id, sha256: sha256Hex(canonicalJson({ id: lesson.id, data: lesson.data, body })) };
}

/** The pack's digest over its lessons' digests, in reading order. */
export function packDigest(lessons: readonly LessonDigest[]): string {
  return sha256Hex(canonicalJson(lessons.map(({ id, sha256 }) => ({ id, sha256 }))));
}
