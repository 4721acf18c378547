/** Reading and validating a course pack's `pack.yaml`. */
import { PackSchema, type Pack } from '../schemas/pack.ts';
import { CourseDataError, parseOrExplain } from './friendly-errors.ts';
import { parseYaml } from './yaml-file.ts';

/**
 * Parses the text of `content/<folder>/pack.yaml`. Throws a CourseDataError naming the file and
 * every field at fault; the pack's `id` must match its folder.
 */
export function parsePack(text: string, file: string, folder: string): Pack {
  const pack = parseOrExplain(PackSchema, parseYaml(text, file), file);
  if (pack.id !== folder) {
    throw new CourseDataError(file, [`field "id": must match the pack's folder name "${folder}" (found "${pack.id}")`]);
  }
  return pack;
}
