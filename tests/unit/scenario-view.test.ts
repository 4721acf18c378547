import { describe, expect, it } from 'vitest';
import { loadFlowchart, loadScenarios } from '../../src/lib/load.ts';
import { openingChecks, openingTitle, playerPhase } from '../../src/lib/scenario-view.ts';
import { packIds } from '../support/packs.ts';
import { root } from './support/content.ts';

const graph = loadFlowchart(root);
const stageOf = (node: string) => {
  const n = graph.byId.get(node);
  return n?.kind === 'question' ? n.stage : undefined;
};

describe('openingChecks', () => {
  it('counts the leading steps whose node is an opening check', () => {
    expect(openingChecks([{ stage: 'first' }, { stage: 'first' }, { stage: 'first' }, { stage: 'trunk' }, { stage: 'trunk' }])).toBe(3);
    expect(openingChecks([{ stage: 'first' }])).toBe(1);
    expect(openingChecks([{ stage: 'trunk' }, { stage: 'first' }])).toBe(0);
    expect(openingChecks([])).toBe(0);
  });

  it.each(packIds())('%s: every scenario opens with the checks on its path, and only those', (pack) => {
    for (const { id, data } of loadScenarios(root, pack, graph)) {
      const steps = data.path.map((s) => ({ stage: stageOf(s.node) }));
      const expected = data.outcome === 'o-capture-report' ? 1 : data.outcome === 'o-no-view' ? 2 : 3;
      expect(openingChecks(steps), id).toBe(expected);
    }
  });
});

describe('openingTitle', () => {
  it.each([[1, 'One check before anything else'], [2, 'Two checks before anything else'], [3, 'Three checks before anything else'], [9, '9 checks before anything else']])(
    '%i: %s', (n, title) => expect(openingTitle(n)).toBe(title),
  );
});

describe('playerPhase', () => {
  it('asks questions, then a reply where there is one, then sums up', () => {
    expect(playerPhase(0, 5, true, false)).toBe('deciding');
    expect(playerPhase(4, 5, false, false)).toBe('deciding');
    expect(playerPhase(5, 5, true, false)).toBe('reply');
    expect(playerPhase(5, 5, true, true)).toBe('summary');
    expect(playerPhase(5, 5, false, false)).toBe('summary');
  });
});
