/**
 * Reads the course's data files from disk and validates them, for the build, scripts and tests.
 * Every failure is a CourseDataError that names the file (relative to the project) and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RulesFileSchema, type Rule } from '../schemas/rules.ts';
import type { Pack } from '../schemas/pack.ts';
import { parseFlowchart, type FlowGraph } from './flowchart.ts';
import { parseOrExplain } from './friendly-errors.ts';
import { parsePack } from './pack.ts';
import { parseYaml } from './yaml-file.ts';

export interface PackData {
  pack: Pack;
  rules: Rule[];
}

function readData(root: string, ...path: string[]): { data: unknown; file: string } {
  const full = join(root, ...path);
  const file = relative(root, full) || full;
  return { data: parseYaml(readFileSync(full, 'utf8'), file), file };
}

/** Pack folders under `content/`: every folder holding a `pack.yaml`. */
export function packFolders(root: string): string[] {
  const dir = join(root, 'content');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'pack.yaml')))
    .sort();
}

/** One pack's `pack.yaml` and `rules.yaml`, validated. */
export function loadPack(root: string, folder: string): PackData {
  const file = join('content', folder, 'pack.yaml');
  const pack = parsePack(readFileSync(join(root, file), 'utf8'), file, folder);
  const rulesFile = readData(root, 'content', folder, 'rules.yaml');
  const { rules } = parseOrExplain(RulesFileSchema, rulesFile.data, rulesFile.file);
  return { pack, rules };
}

/** Every pack under `content/`. */
export function loadPacks(root: string): PackData[] {
  return packFolders(root).map((folder) => loadPack(root, folder));
}

/** `quizzes/flowchart.yaml`, validated as a graph. */
export function loadFlowchart(root: string): FlowGraph {
  const { data, file } = readData(root, 'quizzes', 'flowchart.yaml');
  return parseFlowchart(data, file);
}
