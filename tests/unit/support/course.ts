/** One pack's course data as the server sees it, from the repository's files (or another course root), plus a learner who did everything right. */
import { loadChecks, loadPacks, loadScenarios, loadSharedGraph } from '../../../src/lib/load.ts';
import { emptyProgress, type Progress } from '../../../src/lib/progress.ts';
import type { Requirements } from '../../../src/lib/eligibility.ts';
import type { ScenarioData } from '../../../src/lib/rescore.ts';
import { choicesOf } from '../../../src/lib/graphs.ts';
import { isBestReply } from '../../../src/lib/scoring.ts';
import { lessonFiles, root } from './content.ts';

export function courseFor(packId: string, from = root) {
  const graph = loadSharedGraph(from);
  const pack = loadPacks(from).find((p) => p.pack.id === packId)!;
  const lessons = lessonFiles(from).filter((l) => l.pack === packId).map((l) => l.id).sort();
  const scenarios: ScenarioData[] = loadScenarios(from, packId, graph).map((s) => ({ ...s.data, id: s.id }));
  const checks = Object.fromEntries(loadChecks(from, packId).map((c) => [c.lesson, c.questions]));
  const requirements: Requirements = {
    lessons,
    questions: Object.values(checks).flat().filter((q) => !q.practice).map((q) => q.id),
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, path: s.path.map((p) => p.node), replies: choicesOf(s).length > 0 })),
  };
  return { graph, pack, lessons, scenarios, checks, requirements };
}

/** Progress of a learner who read every lesson and got every scenario decision and reply right. */
export function perfectProgress(course: ReturnType<typeof courseFor>): Progress {
  const p = emptyProgress(course.pack.pack.id);
  p.lessons = [...course.lessons];
  for (const q of Object.values(course.checks).flat()) {
    const selected = q.options.flatMap((o, i) => (o.correct ? [i] : []));
    p.checks[q.id] = { selected, correct: true };
  }
  for (const s of course.scenarios) {
    const choices = choicesOf(s);
    const best = choices.length > 0 ? choices.findIndex(isBestReply) : undefined;
    p.scenarios[s.id] = {
      answers: s.path.map((step) => ({ node: step.node, answer: step.answer, correct: true })),
      ...(best === undefined ? {} : { reply: best, replyCorrect: true }),
      done: true,
    };
  }
  return p;
}
