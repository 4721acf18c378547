/**
 * `npm run new-pack -- <id>`: scaffolds content/<id>/ and quizzes/<id>/ with the smallest pack that
 * builds, then prints what is left to write. Writes under COURSE_CONTENT_ROOT when it is set.
 * Refuses a bad ID or one already in use, and writes nothing then.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PackIdSchema } from '../src/schemas/pack.ts';
import { loadAssessment, loadChecks, loadFlowchart, loadPack, loadScenarios } from '../src/lib/load.ts';
import { checklist, scaffoldFiles } from './lib/scaffold.ts';

const root = process.env.COURSE_CONTENT_ROOT ?? process.cwd();
const id = process.argv[2]?.trim() ?? '';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!id) fail('Give the new pack an ID: npm run new-pack -- <id>   (e.g. npm run new-pack -- llanfair)');
const valid = PackIdSchema.safeParse(id);
if (!valid.success) fail(`"${id}" is not a pack ID: ${valid.error.issues[0]!.message} (e.g. "llanfair" or "north-ridge")`);
const taken = [`content/${id}`, `quizzes/${id}`].filter((dir) => existsSync(join(root, dir)));
if (taken.length > 0) fail(`A pack called "${id}" already exists (${taken.join(', ')}): choose another ID, or edit that pack.`);

for (const [file, text] of Object.entries(scaffoldFiles(id))) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

// The scaffold must validate as the build reads it; a failure here is a bug in the scaffold.
const pack = loadPack(root, id);
const graph = loadFlowchart(root);
loadChecks(root, id);
loadScenarios(root, id, graph);
loadAssessment(root, pack, graph);

console.log(`Made the "${id}" pack: content/${id}/ and quizzes/${id}/. It builds as it is; before publishing, write:`);
for (const item of checklist(id)) console.log(`  [ ] ${item}`);
