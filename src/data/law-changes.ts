/** `content/law-changes.yaml`, read at build time (none when a course folder has no such file). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LawChangesSchema, type LawChange } from '../lib/law-changes.ts';
import { parseOrExplain } from '../lib/friendly-errors.ts';
import { parseYaml } from '../lib/yaml-file.ts';

let cached: LawChange[] | undefined;

export function lawChanges(): LawChange[] {
  if (!cached) {
    const file = join(process.env.COURSE_CONTENT_ROOT ?? process.cwd(), 'content', 'law-changes.yaml');
    cached = existsSync(file) ? parseOrExplain(LawChangesSchema, parseYaml(readFileSync(file, 'utf8'), 'content/law-changes.yaml'), 'content/law-changes.yaml').changes : [];
  }
  return cached;
}
