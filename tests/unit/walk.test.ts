import { describe, expect, it } from 'vitest';
import { edgesOf } from '../../src/lib/flowchart.ts';
import { loadFlowchart } from '../../src/lib/load.ts';
import { scenarioProblems } from '../../src/lib/quiz-data.ts';
import { firstQuestion, walk, WalkError, type Step } from '../../src/lib/walk.ts';
import { isBestReply, isRightChoice, scoreScenario } from '../../src/lib/scoring.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { root } from './support/content.ts';

const graph = loadFlowchart(root);

/** The canonical path to a node: breadth-first from the first question. */
function pathTo(target: string): Step[] {
  const queue: { at: string; path: Step[] }[] = [{ at: firstQuestion(graph), path: [] }];
  while (queue.length > 0) {
    const { at, path } = queue.shift()!;
    if (at === target) return path;
    const node = graph.byId.get(at)!;
    if (node.kind !== 'question') continue;
    for (const answer of ['yes', 'no'] as const) queue.push({ at: node[answer], path: [...path, { node: at, answer }] });
  }
  throw new Error(`no path to ${target}`);
}

describe('walk', () => {
  const edges = graph.nodes.flatMap((node) => edgesOf(node).filter((e) => e.answer !== 'next').map((e) => ({ from: node.id, ...e })));

  it('the graph has 20 question edges', () => expect(edges).toHaveLength(20));

  it.each(edges)('follows $from --$answer--> $to', ({ from, answer, to }) => {
    const steps = [...pathTo(from), { node: from, answer: answer as 'yes' | 'no' }];
    const result = walk(graph, steps);
    expect(result.at).toBe(to);
    expect(result.path).toEqual(steps);
    expect(result.outcome).toBe(graph.byId.get(to)!.kind === 'outcome' ? to : undefined);
  });

  it('starts at the first question with no answers', () => {
    expect(walk(graph, [])).toEqual({ path: [], at: 'q-unlawful', outcome: undefined });
  });

  it('rejects an unknown node', () => {
    expect(() => walk(graph, [{ node: 'q-nonsense', answer: 'no' }])).toThrow(
      new WalkError('answer 1 ("no" at "q-nonsense") names a node the flowchart does not have'),
    );
  });

  it('rejects an answer out of turn', () => {
    expect(() => walk(graph, [{ node: 'q-positive', answer: 'yes' }])).toThrow('is out of turn: the flowchart is at "q-unlawful"');
  });

  it('rejects an answer after the outcome', () => {
    expect(() => walk(graph, [{ node: 'q-unlawful', answer: 'yes' }, { node: 'q-decision', answer: 'no' }])).toThrow(
      'answer 2 ("no" at "q-decision") comes after the walk reached the outcome "o-capture-report"',
    );
  });

  it('rejects an answer that is not yes or no', () => {
    expect(() => walk(graph, [{ node: 'q-unlawful', answer: 'maybe' as 'yes' }])).toThrow('is not "yes" or "no"');
  });

});

const fixScenario = {
  // q-unlawful no, q-decision no, q-confidential no, q-positive no, q-malicious no, q-victimising no,
  // q-misguided yes, q-want-respond yes.
  path: pathTo('o-fix'),
  outcome: 'o-fix',
  replies: [{ breaks: [], rules: [] }, { breaks: ['c-tone'], rules: ['W-6.N4'] }, { breaks: ['c-sources', 'c-no-rush'], rules: [] }],
};

describe('scoreScenario', () => {
  it('records every decision, right or wrong, and scores correct over asked', () => {
    const answers = fixScenario.path.map((s, i) => (i === 3 ? { ...s, answer: s.answer === 'yes' ? 'no' : 'yes' } as Step : s));
    const score = scoreScenario(fixScenario, { answers, reply: 1 });
    expect(score.decisions).toHaveLength(8);
    expect(score.decisions[3]).toEqual({ node: 'q-positive', answer: 'yes', correct: false });
    expect(score.decisions.filter((d) => d.correct)).toHaveLength(7);
    expect(score.replyCorrect).toBe(false);
    expect(score).toMatchObject({ correct: 7, asked: 9, total: 9, complete: true });
  });

  it('gives the reply pick a mark only for the reply that breaks no check', () => {
    expect(scoreScenario(fixScenario, { answers: fixScenario.path, reply: 0 })).toMatchObject({ correct: 9, asked: 9, replyCorrect: true, replyRules: [] });
  });

  it('gives no mark for a reply that breaks a policy rule, even when it breaks no check, and says which rules', () => {
    const ruleOnly = { ...fixScenario, replies: [{ breaks: [], rules: [] }, { breaks: [], rules: ['W-4.4'] }] };
    expect(scoreScenario(ruleOnly, { answers: ruleOnly.path, reply: 1 })).toMatchObject({ correct: 8, asked: 9, replyCorrect: false, replyRules: ['W-4.4'] });
    expect(scoreScenario(fixScenario, { answers: fixScenario.path, reply: 1 })).toMatchObject({ replyCorrect: false, replyRules: ['W-6.N4'] });
    expect(isBestReply({ breaks: [], rules: ['W-4.4'] })).toBe(false);
    expect(isBestReply({ breaks: [], rules: [] })).toBe(true);
  });

  it('scores an attempt in progress', () => {
    expect(scoreScenario(fixScenario, { answers: fixScenario.path.slice(0, 3) })).toMatchObject({ correct: 3, asked: 3, total: 9, complete: false });
  });

  it('scores a scenario without replies on its decisions alone', () => {
    const monitor = { path: pathTo('o-monitor'), outcome: 'o-monitor' };
    expect(scoreScenario(monitor, { answers: monitor.path })).toMatchObject({ correct: 5, asked: 5, total: 5, complete: true });
  });

  it('rejects answers that do not fit the scenario', () => {
    expect(() => scoreScenario(fixScenario, { answers: [{ node: 'q-decision', answer: 'no' }] })).toThrow('answer 1 is for "q-decision", but question 1 is "q-unlawful"');
    expect(() => scoreScenario(fixScenario, { answers: [...fixScenario.path, { node: 'o-fix', answer: 'yes' }] })).toThrow('9 answers given, but the scenario asks 8 questions');
    expect(() => scoreScenario(fixScenario, { answers: fixScenario.path, reply: 3 })).toThrow('reply 3 is not one of the 3 drafted replies');
    expect(() => scoreScenario(fixScenario, { answers: fixScenario.path.slice(0, 2), reply: 0 })).toThrow('before every question was answered');
    expect(() => scoreScenario({ path: pathTo('o-monitor'), outcome: 'o-monitor' }, { answers: pathTo('o-monitor'), reply: 0 })).toThrow('asks for none');
  });
});

describe('isRightChoice', () => {
  const options = [{ correct: true }, { correct: false }, { correct: true }];
  it('needs exactly the correct options', () => {
    expect(isRightChoice(options, [0, 2])).toBe(true);
    expect(isRightChoice(options, [2, 0])).toBe(true);
    expect(isRightChoice(options, [0])).toBe(false);
    expect(isRightChoice(options, [0, 1, 2])).toBe(false);
    expect(isRightChoice(options, [0, 0, 2])).toBe(false);
    expect(isRightChoice(options, [0, 2, 7])).toBe(false);
  });
});

describe('scenarioProblems', () => {
  const base: Scenario = {
    title: 't', post: { author: 'a', authorType: 'resident', platform: 'X', text: 't' }, context: 'c', situation: 'none',
    rules: ['W-8.1'], outcome: 'o-monitor', explanation: 'e',
    path: pathTo('o-monitor').map((s) => ({ ...s, why: 'w', source: 's', rules: [] })),
  };

  it('accepts a scenario whose answers reach its outcome', () => expect(scenarioProblems(graph, base)).toEqual([]));

  it('names a path that reaches a different outcome', () => {
    expect(scenarioProblems(graph, { ...base, outcome: 'o-fix', replies: [
      { text: 'a', breaks: [], rules: [], feedback: 'f' }, { text: 'b', breaks: ['c-tone'], rules: [], feedback: 'f' },
    ] })).toEqual(['field "outcome": the canonical answers walk the flowchart to "o-monitor", not "o-fix"']);
  });

  it('names a path that stops short, or goes astray', () => {
    expect(scenarioProblems(graph, { ...base, path: base.path.slice(0, 2) })).toEqual([
      'field "path": the canonical answers stop at "q-confidential", a question; continue the path to the outcome',
    ]);
    const astray = base.path.map((s, i) => (i === 1 ? { ...s, node: 'q-positive' } : s));
    expect(scenarioProblems(graph, { ...base, path: astray })[0]).toMatch(/^field "path": answer 2 \("no" at "q-positive"\) is out of turn/);
  });

  it('requires replies where the outcome replies, forbids them where it does not, and checks their IDs', () => {
    const replying = { ...base, path: pathTo('o-fix').map((s) => ({ ...s, why: 'w', source: 's', rules: [] })), outcome: 'o-fix' };
    expect(scenarioProblems(graph, replying)).toEqual(['field "replies" is missing: "o-fix" leads to a reply, so give two or three drafted replies']);
    expect(scenarioProblems(graph, { ...base, replies: [{ text: 'a', breaks: [], rules: [], feedback: 'f' }, { text: 'b', breaks: ['c-rude'], rules: [], feedback: 'f' }] })).toEqual([
      'field "replies": "o-monitor" means not replying, so remove the drafted replies',
      'field "replies[1].breaks": "c-rude" is not a check of the graph this scenario uses ("respond", quizzes/flowchart.yaml): its checks are c-transparent, c-sources, c-no-rush, c-tone, c-focus',
    ]);
  });

  it('names each rule ID its pack does not define, by field, when given the pack\'s rules', () => {
    const rules = { ids: new Set(['W-8.1', 'W-4.4']), file: 'content/wyre/rules.yaml' };
    const replying = {
      ...base, outcome: 'o-fix', rules: ['W-8.1', 'W-9.9'],
      path: pathTo('o-fix').map((s, i) => ({ ...s, why: 'w', source: 's', rules: i === 1 ? ['A-R4'] : [] })),
      replies: [{ text: 'a', breaks: [], rules: [], feedback: 'f' }, { text: 'b', breaks: ['c-tone'], rules: ['W-4.4', 'W-4.40'], feedback: 'f' }],
    };
    expect(scenarioProblems(graph, replying, rules)).toEqual([
      'field "rules": "W-9.9" is not a rule in content/wyre/rules.yaml',
      'field "path[1].rules": "A-R4" is not a rule in content/wyre/rules.yaml',
      'field "replies[1].rules": "W-4.40" is not a rule in content/wyre/rules.yaml',
    ]);
    expect(scenarioProblems(graph, { ...replying, rules: ['W-8.1'], path: replying.path.map((s) => ({ ...s, rules: [] })), replies: replying.replies.map((r) => ({ ...r, rules: r.rules.slice(0, 1) })) }, rules)).toEqual([]);
  });
});
