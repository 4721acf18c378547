/** Reads the repository's lesson files the way the build does, for content tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { packFolders } from '../../../src/lib/load.ts';

export const root = join(import.meta.dirname, '..', '..', '..');

export interface LessonFile {
  /** Path from the project root. */
  file: string;
  /** Collection entry ID, as the build makes it. */
  id: string;
  pack: string;
  data: unknown;
  body: string;
}

/** Every lesson of every pack (in the repository, or another course root): `modules/NN-slug/index.mdx` and `scenarios/NN-slug.mdx`. */
export function lessonFiles(from = root): LessonFile[] {
  return packFolders(from).flatMap((pack) => {
    const found: { file: string; id: string }[] = [];
    const modules = join('content', pack, 'modules');
    if (existsSync(join(from, modules))) {
      for (const dir of readdirSync(join(from, modules))) {
        const file = join(modules, dir, 'index.mdx');
        if (existsSync(join(from, file))) found.push({ file, id: `${pack}/modules/${dir}` });
      }
    }
    const scenarios = join('content', pack, 'scenarios');
    if (existsSync(join(from, scenarios))) {
      for (const name of readdirSync(join(from, scenarios)).filter((n) => n.endsWith('.mdx'))) {
        found.push({ file: join(scenarios, name), id: `${pack}/scenarios/${name.replace(/\.mdx$/, '')}` });
      }
    }
    return found.map(({ file, id }) => ({ file, id, pack, ...splitFrontmatter(readFileSync(join(from, file), 'utf8'), file) }));
  });
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
  return JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'policy-rules.json'), 'utf8')).rules;
}
