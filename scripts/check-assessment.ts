/** Validates the assessment banks: `npm run check:assessment`. Prints each pack's count or the problems. */
import { loadAssessment, loadFlowchart, loadPacks } from '../src/lib/load.ts';

const root = process.cwd();
const graph = loadFlowchart(root);
let failed = false;
for (const pack of loadPacks(root)) {
  try {
    const qs = loadAssessment(root, pack, graph);
    const decisions = qs.filter((q) => q.kind === 'decision').length;
    const assessed = new Set(qs.flatMap((q) => q.rules));
    const missing = pack.rules.filter((r) => r.assessed && !assessed.has(r.id)).map((r) => r.id);
    console.log(`${pack.pack.id}: ${qs.length} questions (${decisions} decision, ${qs.length - decisions} rule); [A] rules not in the bank: ${missing.join(', ') || 'none'}`);
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  }
}
process.exit(failed ? 1 : 0);
