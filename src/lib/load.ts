/**
 * Reads the course's data files from disk and validates them, for the build, scripts and tests.
 * Every failure is a CourseDataError that names the file (relative to the project) and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RulesFileSchema, type Rule } from '../schemas/rules.ts';
import { CheckFileSchema, type Question } from '../schemas/check.ts';
import { AssessmentFileSchema, type AssessmentQuestion } from '../schemas/assessment.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { parseScenario } from './quiz-data.ts';
import type { Pack } from '../schemas/pack.ts';
import { parseFlowchart, type PackGraph } from './flowchart.ts';
import { packGraphs } from './graphs.ts';
import { CourseDataError, missingFile, parseOrExplain } from './friendly-errors.ts';
import { parsePack } from './pack.ts';
import { parseYaml } from './yaml-file.ts';

export interface PackData {
  pack: Pack;
  rules: Rule[];
}

/** What each course file holds, for the message when it is missing. */
const WHAT: Record<string, string> = {
  'pack.yaml': "the pack's council, policy documents, officer and pass mark (npm run new-pack -- <id> writes a starting one; see the README, \"Adding a council's own pack\")",
  'rules.yaml': "the policy's rules, each with an ID the lessons and questions cite",
  'assessment.yaml': 'the final-assessment question bank',
  'flowchart.yaml': 'the shared "should I respond?" decision graph',
};

/** A course file's text, or a CourseDataError saying it is missing and what it should hold. */
function readCourseFile(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const name = file.split(/[\\/]/).pop()!;
    throw missingFile(file.replaceAll('\\', '/'), WHAT[name] ?? 'the course expects this file');
  }
}

function readData(root: string, ...path: string[]): { data: unknown; file: string } {
  const file = relative(root, join(root, ...path)).replaceAll('\\', '/');
  return { data: parseYaml(readCourseFile(root, file), file), file };
}

/**
 * Pack folders under `content/`: every folder there is a pack and must hold a `pack.yaml` (a
 * folder of lessons without one would otherwise be skipped without a word). Folders starting with
 * "." or "_" are ignored.
 */
export function packFolders(root: string): string[] {
  const dir = join(root, 'content');
  if (!existsSync(dir)) throw missingFile('content/', 'the folder of course packs, one folder per council');
  return readdirSync(dir)
    .filter((name) => !/^[._]/.test(name) && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** One pack's `rules.yaml`, validated. */
export function loadRules(root: string, folder: string): Rule[] {
  const rulesFile = readData(root, 'content', folder, 'rules.yaml');
  return parseOrExplain(RulesFileSchema, rulesFile.data, rulesFile.file).rules;
}

/** One pack's `pack.yaml` and `rules.yaml`, validated. */
export function loadPack(root: string, folder: string): PackData {
  const file = `content/${folder}/pack.yaml`;
  const pack = parsePack(readCourseFile(root, file), file, folder);
  return { pack, rules: loadRules(root, folder) };
}

/** Every pack under `content/`. */
export function loadPacks(root: string): PackData[] {
  return packFolders(root).map((folder) => loadPack(root, folder));
}

/** The shared graph: borrowed, so it always carries its credit and licence. */
export type SharedGraph = PackGraph & Required<Pick<PackGraph, 'attribution' | 'licence'>>;

/** `quizzes/flowchart.yaml`, the shared graph (ID `respond`), validated as a graph. */
export function loadFlowchart(root: string): SharedGraph {
  const { data, file } = readData(root, 'quizzes', 'flowchart.yaml');
  const graph = parseFlowchart(data, file);
  const { attribution, licence } = graph;
  if (!attribution || !licence) {
    throw new CourseDataError(file, ['fields "attribution" and "licence" are required: the shared graph is adapted from another council\'s guidance, and every page that uses it credits it']);
  }
  return { ...graph, attribution, licence, id: 'respond', file, shared: true };
}

/** The shared graph, or undefined when the course has none (a course root holding only packs with graphs of their own). */
export function loadSharedGraph(root: string): SharedGraph | undefined {
  return existsSync(join(root, 'quizzes', 'flowchart.yaml')) ? loadFlowchart(root) : undefined;
}

/** A pack's own graphs (`quizzes/<pack>/graphs/<graph-id>.yaml`), each validated on its own. */
export function loadOwnGraphs(root: string, pack: string): PackGraph[] {
  return yamlFiles(root, 'quizzes', pack, 'graphs').map((name) => {
    const id = name.replace(/\.yaml$/, '');
    const { data, file } = readData(root, 'quizzes', pack, 'graphs', name);
    if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new CourseDataError(file, ['the file name is the graph\'s ID: use lower-case letters, digits and hyphens, such as "respond.yaml"']);
    return { ...parseFlowchart(data, file), id, file, shared: false };
  });
}

/**
 * The graphs a pack uses: its own, and the shared graph as its default `respond` graph unless it
 * brings a `respond.yaml` of its own. `shared` is the shared graph when the caller has it loaded.
 */
export function loadGraphs(root: string, pack: string, shared: PackGraph | undefined = loadSharedGraph(root)): PackGraph[] {
  return packGraphs(loadOwnGraphs(root, pack), shared);
}

/** YAML files in a folder, sorted by name; none when the folder does not exist. */
function yamlFiles(root: string, ...dir: string[]): string[] {
  const full = join(root, ...dir);
  return existsSync(full) ? readdirSync(full).filter((n) => n.endsWith('.yaml')).sort() : [];
}

export interface ScenarioEntry {
  /** File name without `.yaml`, e.g. `03-anonymous-troll`; stable, stored with answers. */
  id: string;
  pack: string;
  data: Scenario;
}

/**
 * A pack's scenarios (`quizzes/<pack>/scenarios/*.yaml`), each walked through the graph it uses,
 * its rule IDs checked against the pack's `rules.yaml`.
 * `shared` is the shared graph when the caller has it loaded.
 */
export function loadScenarios(root: string, pack: string, shared?: PackGraph): ScenarioEntry[] {
  const graphs = loadGraphs(root, pack, shared ?? loadSharedGraph(root));
  const rules = { ids: new Set(loadRules(root, pack).map((r) => r.id)), file: `content/${pack}/rules.yaml` };
  return yamlFiles(root, 'quizzes', pack, 'scenarios').map((name) => {
    const { data, file } = readData(root, 'quizzes', pack, 'scenarios', name);
    return { id: name.replace(/\.yaml$/, ''), pack, data: parseScenario(data, file, graphs, pack, rules).scenario };
  });
}

export interface CheckEntry {
  /** The lesson it belongs to, as the lessons collection names it: `wyre/modules/04-libel`. */
  lesson: string;
  pack: string;
  file: string;
  questions: Question[];
}

/** A pack's knowledge checks (`quizzes/<pack>/checks/<modules|scenarios>/<lesson>.yaml`). */
export function loadChecks(root: string, pack: string): CheckEntry[] {
  const entries = ['modules', 'scenarios'].flatMap((part) =>
    yamlFiles(root, 'quizzes', pack, 'checks', part).map((name) => {
      const { data, file } = readData(root, 'quizzes', pack, 'checks', part, name);
      const { questions } = parseOrExplain(CheckFileSchema, data, file);
      return { lesson: `${pack}/${part}/${name.replace(/\.yaml$/, '')}`, pack, file, questions };
    }),
  );
  const seen = new Map<string, string>();
  for (const entry of entries) {
    for (const q of entry.questions) {
      const other = seen.get(q.id);
      if (other) throw new CourseDataError(entry.file, [`question ID "${q.id}" is already used in ${other}`]);
      seen.set(q.id, entry.file);
    }
  }
  return entries;
}

/**
 * A pack's final-assessment bank (`quizzes/<pack>/assessment.yaml`): IDs unique, rule IDs from the
 * pack's rules, decision questions naming a node of one of the pack's graphs. Server-side only.
 */
export function loadAssessment(root: string, pack: PackData, shared?: PackGraph): AssessmentQuestion[] {
  const graphs = loadGraphs(root, pack.pack.id, shared ?? loadSharedGraph(root));
  const { data, file } = readData(root, 'quizzes', pack.pack.id, 'assessment.yaml');
  const { questions } = parseOrExplain(AssessmentFileSchema, data, file);
  const known = new Set(pack.rules.map((r) => r.id));
  const problems: string[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) problems.push(`questions[${i}]: question ID "${q.id}" is used twice`);
    seen.add(q.id);
    const unknown = q.rules.filter((r) => !known.has(r));
    if (unknown.length > 0) problems.push(`questions[${i}] ("${q.id}"), field "rules": ${unknown.map((r) => `"${r}"`).join(', ')} not in content/${pack.pack.id}/rules.yaml`);
    if (q.node !== undefined && !graphs.some((g) => g.byId.has(q.node!))) problems.push(`questions[${i}] ("${q.id}"), field "node": "${q.node}" is not a node of ${graphs.map((g) => g.file).join(' or ')}`);
  });
  if (problems.length > 0) throw new CourseDataError(file, problems);
  return questions;
}
