/** Reads the course's lesson files the way the build does, for content tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { contentRoot, lessonEntries, packIds, projectRoot } from '../../support/packs.ts';

/** Where `content/` and `quizzes/` are (COURSE_CONTENT_ROOT, or the project): see tests/support/packs.ts. */
export const root = contentRoot;
/** The project itself, for its fixtures (`tests/fixtures/`). */
export { projectRoot };

export interface LessonFile {
  /** Path from the content root. */
  file: string;
  /** Collection entry ID, as the build makes it. */
  id: string;
  pack: string;
  data: unknown;
  body: string;
}

/** Every lesson of every pack: `modules/NN-slug/index.mdx` and `scenarios/NN-slug.mdx`. */
export function lessonFiles(from: string = root): LessonFile[] {
  return packIds(from).flatMap((pack) =>
    lessonEntries(pack, from).map(({ file, id }) => ({ file, id, pack, ...splitFrontmatter(readFileSync(join(from, file), 'utf8'), file) })));
}

export interface InventoryRule {
  id: string;
  pack: string;
  section: string;
  rule: string;
  assessed: boolean;
}

/** The rule inventory copied from shared/policy-rules.md. */
export function inventory(): InventoryRule[] {
  return JSON.parse(readFileSync(join(projectRoot, 'tests', 'fixtures', 'policy-rules.json'), 'utf8')).rules;
}
