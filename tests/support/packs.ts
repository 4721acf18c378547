/**
 * The packs the tests cover, found as the build finds them: every folder `content/<id>/` holding a
 * `pack.yaml`. Unit and end-to-end tests loop over these, so a pack a council adds gets the schema,
 * coverage, route, axe, no-JavaScript, answer-key, link and budget tests without any test naming it.
 * Tests that pin a fact of one shipped pack (Wyre's minutes, one scenario's clicks) still name it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PARTS } from '../../src/lib/course.ts';
import { packFolders } from '../../src/lib/load.ts';
import { stripOrderPrefix } from '../../src/lib/order.ts';

/** The project: its tests, fixtures and build. */
export const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * Where `content/` and `quizzes/` are, as src/content.config.ts reads it: COURSE_CONTENT_ROOT when
 * set (so the tests can check a changed copy of the course), otherwise the project.
 */
export const contentRoot = process.env.COURSE_CONTENT_ROOT ? resolve(process.env.COURSE_CONTENT_ROOT) : projectRoot;

/** The packs shipped with the project, for tests that pin their facts. */
export const SHIPPED_PACKS = ['ashfield', 'wyre'] as const;

/** Every pack's ID, sorted: the folders under `content/` that hold a `pack.yaml`. */
export const packIds = (root: string = contentRoot): string[] => packFolders(root);

/** A pack's lesson files, as the build's lessons collection finds them, with their collection IDs. */
export function lessonEntries(pack: string, root: string = contentRoot): { id: string; file: string }[] {
  const found: { id: string; file: string }[] = [];
  const modules = join('content', pack, 'modules');
  if (existsSync(join(root, modules))) {
    for (const dir of readdirSync(join(root, modules)).sort()) {
      const file = join(modules, dir, 'index.mdx');
      if (existsSync(join(root, file))) found.push({ id: `${pack}/modules/${dir}`, file });
    }
  }
  const scenarios = join('content', pack, 'scenarios');
  if (existsSync(join(root, scenarios))) {
    for (const name of readdirSync(join(root, scenarios)).filter((n) => n.endsWith('.mdx')).sort()) {
      found.push({ id: `${pack}/scenarios/${name.replace(/\.mdx$/, '')}`, file: join(scenarios, name) });
    }
  }
  return found;
}

/** A lesson's address from its ID: `wyre/modules/04-libel` → `/wyre/lessons/libel/`. */
export function lessonUrl(lesson: string): string {
  const [pack, folder, name] = lesson.split('/') as [string, string, string];
  return `/${pack}/${Object.values(PARTS).find((p) => p.folder === folder)!.path}/${stripOrderPrefix(name)}/`;
}

/** A pack's scenario files (`quizzes/<pack>/scenarios/NN-slug.yaml`), as addresses. */
function scenarioPages(pack: string, root: string): string[] {
  const dir = join(root, 'quizzes', pack, 'scenarios');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.yaml')) : [];
  return names.map((n) => `/${pack}/scenarios/${stripOrderPrefix(n.replace(/\.yaml$/, ''))}/`);
}

/**
 * The prerendered pages a pack's files call for: its course page, contents, flowchart and scenario
 * list, and one page per lesson, worked example and scenario. Sorted.
 */
export function expectedPages(pack: string, root: string = contentRoot): { lessons: string[]; scenarios: string[]; all: string[] } {
  const lessons = lessonEntries(pack, root).map((l) => lessonUrl(l.id));
  const scenarios = scenarioPages(pack, root);
  const all = [`/${pack}/`, `/${pack}/contents/`, `/${pack}/flowchart/`, `/${pack}/scenarios/`, ...lessons, ...scenarios].sort();
  return { lessons: lessons.sort(), scenarios: scenarios.sort(), all };
}
