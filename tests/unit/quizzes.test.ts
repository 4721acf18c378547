/** The quiz data of every pack: each scenario walks the flowchart to its outcome; checks match lessons. */
import { describe, expect, it } from 'vitest';
import { loadChecks, loadFlowchart, loadGraphs, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { unreachedOutcomes } from '../../src/lib/graphs.ts';
import { lessonFiles, root } from './support/content.ts';

const graph = loadFlowchart(root);
const packs = loadPacks(root);
const lessons = lessonFiles();

describe.each(packs.map((p) => [p.pack.id, p] as const))('%s quiz data', (pack, { rules }) => {
  const known = new Set(rules.map((r) => r.id));

  it('has at least 14 valid scenarios, each walking the flowchart to its stated outcome', () => {
    const scenarios = loadScenarios(root, pack, graph);
    expect(scenarios.length).toBeGreaterThanOrEqual(14);
  });

  it('reaches every outcome of each graph it uses with the scenarios that use that graph', () => {
    expect(unreachedOutcomes(loadGraphs(root, pack, graph), loadScenarios(root, pack, graph).map((s) => s.data))).toEqual([]);
  });

  it('names only its own rule IDs in scenarios and questions', () => {
    const named = [
      ...loadScenarios(root, pack, graph).flatMap((s) => [...s.data.rules, ...s.data.path.flatMap((p) => p.rules)]),
      ...loadChecks(root, pack).flatMap((c) => c.questions.flatMap((q) => q.rules)),
    ];
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });

  it('has a knowledge check of one to three questions for every lesson, and none for a lesson that does not exist', () => {
    const checks = loadChecks(root, pack).map((c) => c.lesson).sort();
    const packLessons = lessons.filter((l) => l.pack === pack).map((l) => l.id).sort();
    expect(checks).toEqual(packLessons);
  });

  it('does not give the best drafted reply away by length: it is the longest in at most a third of scenarios', () => {
    const withReplies = loadScenarios(root, pack, graph).filter((s) => s.data.replies);
    const longestIsBest = withReplies.filter((s) => {
      const replies = s.data.replies!;
      const longest = Math.max(...replies.map((r) => r.text.length));
      return replies.find((r) => r.breaks.length === 0)!.text.length === longest;
    });
    expect(longestIsBest.length, longestIsBest.map((s) => s.id).join(', ')).toBeLessThanOrEqual(Math.floor(withReplies.length / 3));
  });
});
