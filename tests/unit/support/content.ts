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

/** Every lesson of every pack: `modules/NN-slug/index.mdx` and `scenarios/NN-slug.mdx`. */
export function lessonFiles(): LessonFile[] {
  return packFolders(root).flatMap((pack) => {
    const found: { file: string; id: string }[] = [];
    const modules = join('content', pack, 'modules');
    if (existsSync(join(root, modules))) {
      for (const dir of readdirSync(join(root, modules))) {
        const file = join(modules, dir, 'index.mdx');
        if (existsSync(join(root, file))) found.push({ file, id: `${pack}/modules/${dir}` });
      }
    }
    const scenarios = join('content', pack, 'scenarios');
    if (existsSync(join(root, scenarios))) {
      for (const name of readdirSync(join(root, scenarios)).filter((n) => n.endsWith('.mdx'))) {
        found.push({ file: join(scenarios, name), id: `${pack}/scenarios/${name.replace(/\.mdx$/, '')}` });
      }
    }
    return found.map(({ file, id }) => ({ file, id, pack, ...splitFrontmatter(readFileSync(join(root, file), 'utf8'), file) }));
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
