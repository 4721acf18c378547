/**
 * Decision graphs per pack, from the Cwm fixture pack (tests/fixtures/packs/cwm): its own `respond`
 * graph with action outcomes and its own checks, an own-action graph whose scenarios start from the
 * member's intention, default-graph resolution, per-graph validation and coverage, scoring and
 * re-scoring of action choices, and the friendly errors a pack author sees.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CourseDataError } from '../../src/lib/friendly-errors.ts';
import { loadAssessment, loadFlowchart, loadGraphs, loadPacks, loadScenarios, loadSharedGraph } from '../../src/lib/load.ts';
import { choiceWords, flowchartsLabel, graphKey, graphOf, outcomeNote, resolveGraph, unreachedOutcomes } from '../../src/lib/graphs.ts';
import { isBestReply, scoreScenario } from '../../src/lib/scoring.ts';
import { rescore } from '../../src/lib/rescore.ts';
import { decisionItem, parseDecisionItem } from '../../src/lib/analytics.ts';
import { courseFor, perfectProgress } from './support/course.ts';
import { root } from './support/content.ts';

const fixture = join(root, 'tests', 'fixtures', 'packs', 'cwm');
const shared = loadFlowchart(root);
const cwm = () => courseFor('cwm', fixture);

/** A scratch copy of the fixture pack, changed by `edit` (paths relative to the fixture), for error tests. */
const scratch: string[] = [];
function changedFixture(edits: Record<string, (data: any) => void>, withShared = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'cwm-'));
  scratch.push(dir);
  cpSync(fixture, dir, { recursive: true });
  if (withShared) cpSync(join(root, 'quizzes', 'flowchart.yaml'), join(dir, 'quizzes', 'flowchart.yaml'));
  for (const [file, edit] of Object.entries(edits)) {
    const data = parse(readFileSync(join(dir, file), 'utf8'));
    edit(data);
    writeFileSync(join(dir, file), stringify(data));
  }
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The CourseDataError thrown by `load`, as its message. */
function problem(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(CourseDataError);
    return (error as Error).message;
  }
  throw new Error('expected a CourseDataError');
}

const scenarioFile = (name: string) => `quizzes/cwm/scenarios/${name}.yaml`;

describe('which graph a scenario uses', () => {
  it('a pack with its own respond graph uses it by default, its other graphs by name, and never the shared graph', () => {
    const graphs = loadGraphs(fixture, 'cwm', shared);
    expect(graphs.map((g) => [g.id, g.file, g.shared, g.kind ?? 'respond'])).toEqual([
      ['respond', 'quizzes/cwm/graphs/respond.yaml', false, 'respond'],
      ['act', 'quizzes/cwm/graphs/act.yaml', false, 'own-action'],
    ]);
    const scenarios = loadScenarios(fixture, 'cwm', shared);
    // No `graph:` field: the pack's own respond graph, recorded by its ID.
    expect(scenarios.find((s) => s.id === '01-resident-asks-about-the-bus-shelter')!.data.graph).toBe('respond');
    expect(scenarios.filter((s) => s.data.graph === 'act').map((s) => s.id)).toEqual(['06-cover-photo-in-the-election', '07-your-own-fun-run-photos']);
  });

  it('a pack without graphs of its own uses the shared graph, and its scenarios carry no graph key', () => {
    const graphs = loadGraphs(root, 'wyre', shared);
    expect(graphs.map((g) => [g.id, g.shared])).toEqual([['respond', true]]);
    expect(graphKey(graphs[0]!)).toBeUndefined();
    expect(loadScenarios(root, 'wyre', shared).every((s) => s.data.graph === undefined)).toBe(true);
  });

  it('builds without a shared graph when no pack needs it', () => {
    expect(loadSharedGraph(fixture)).toBeUndefined();
    expect(loadScenarios(fixture, 'cwm')).toHaveLength(7);
  });

  it('names the pack\'s graphs when a scenario names one it does not have', () => {
    const dir = changedFixture({ [scenarioFile('06-cover-photo-in-the-election')]: (d) => { d.graph = 'posting'; } });
    expect(problem(() => loadScenarios(dir, 'cwm'))).toBe(
      'quizzes/cwm/scenarios/06-cover-photo-in-the-election.yaml has a problem:\n' +
      '  - field "graph": this pack has no graph "posting": its graphs are "respond" (quizzes/cwm/graphs/respond.yaml), "act" (quizzes/cwm/graphs/act.yaml) (a graph is a file quizzes/cwm/graphs/<graph-id>.yaml)',
    );
  });

  it('says why there is no default graph when the pack has no respond graph and there is no shared one', () => {
    expect(resolveGraph(loadGraphs(fixture, 'cwm').filter((g) => g.id !== 'respond'), undefined, 'cwm')).toBe(
      'there is no "graph" field, so it uses the default graph "respond", but there is no quizzes/cwm/graphs/respond.yaml and no shared quizzes/flowchart.yaml',
    );
  });
});

describe('each graph is validated on its own', () => {
  it('names the pack graph\'s file for an edge that lands nowhere', () => {
    const dir = changedFixture({ 'quizzes/cwm/graphs/act.yaml': (d) => { d.nodes[1].no = 'o-nowhere'; } });
    expect(problem(() => loadGraphs(dir, 'cwm'))).toBe(
      'quizzes/cwm/graphs/act.yaml has a problem:\n  - node "q-council-account": its "no" edge goes to "o-nowhere", which is not a node',
    );
  });

  it('finds a cycle in a pack graph', () => {
    const dir = changedFixture({ 'quizzes/cwm/graphs/respond.yaml': (d) => { d.nodes.find((n: any) => n.id === 'q-agreed').no = 'q-offensive'; } });
    expect(problem(() => loadGraphs(dir, 'cwm'))).toContain('the graph has a cycle: q-offensive → q-safeguarding → q-question → q-agreed → q-offensive');
  });

  it('requires the shared graph to credit its source, but not a pack\'s own graph', () => {
    const dir = changedFixture({}, true);
    const file = join(dir, 'quizzes', 'flowchart.yaml');
    const data = parse(readFileSync(file, 'utf8'));
    delete data.attribution;
    writeFileSync(file, stringify(data));
    expect(problem(() => loadFlowchart(dir))).toContain('fields "attribution" and "licence" are required');
    expect(loadGraphs(fixture, 'cwm').every((g) => g.attribution === undefined && g.source !== undefined)).toBe(true);
  });

  it('checks outcome coverage per graph: the scenarios using each graph reach every outcome of it', () => {
    const graphs = loadGraphs(fixture, 'cwm');
    const scenarios = loadScenarios(fixture, 'cwm').map((s) => s.data);
    expect(unreachedOutcomes(graphs, scenarios)).toEqual([]);
    expect(unreachedOutcomes(graphs, scenarios.filter((s) => s.outcome !== 'o-own-account'))).toEqual([{ graph: 'act', outcomes: ['o-own-account'] }]);
    // Wyre's scenarios still reach all nine outcomes of the shared graph.
    expect(unreachedOutcomes(loadGraphs(root, 'wyre', shared), loadScenarios(root, 'wyre', shared).map((s) => s.data))).toEqual([]);
  });
});

describe('scenarios are checked against their own graph', () => {
  it('names a node from another graph, listing the questions of the graph the scenario uses', () => {
    const dir = changedFixture({ [scenarioFile('02-village-show-post')]: (d) => { d.path[1].node = 'q-unlawful'; } });
    expect(problem(() => loadScenarios(dir, 'cwm'))).toBe(
      'quizzes/cwm/scenarios/02-village-show-post.yaml has a problem:\n' +
      '  - step 2 names node "q-unlawful", which is not in the graph this scenario uses ("respond", quizzes/cwm/graphs/respond.yaml): its questions are q-offensive, q-safeguarding, q-question, q-agreed',
    );
  });

  it('accepts only the checks of the scenario\'s own graph, naming them', () => {
    const dir = changedFixture({
      [scenarioFile('02-village-show-post')]: (d) => { d.actions[1].breaks = ['c-tone']; },
      [scenarioFile('06-cover-photo-in-the-election')]: (d) => { d.actions[2].breaks = ['c-agreed-position']; },
    });
    expect(problem(() => loadScenarios(dir, 'cwm'))).toContain(
      'field "actions[1].breaks": "c-tone" is not a check of the graph this scenario uses ("respond", quizzes/cwm/graphs/respond.yaml): its checks are c-agreed-position, c-clerk',
    );
    // c-agreed-position is a check of Cwm's respond graph, not of its own-action graph.
    const act = changedFixture({ [scenarioFile('06-cover-photo-in-the-election')]: (d) => { d.actions[2].breaks = ['c-agreed-position']; } });
    expect(problem(() => loadScenarios(act, 'cwm'))).toContain('"c-agreed-position" is not a check of the graph this scenario uses ("act", quizzes/cwm/graphs/act.yaml): its checks are c-no-password, c-clerk');
  });

  it('asks for actions where the outcome chooses an action, and refuses drafted replies there', () => {
    const missing = changedFixture({ [scenarioFile('01-resident-asks-about-the-bus-shelter')]: (d) => { delete d.actions; } });
    expect(problem(() => loadScenarios(missing, 'cwm'))).toContain('field "actions" is missing: "o-pass-to-clerk" asks which action to take (choose: action), so give two to four actions');
    const replies = changedFixture({ [scenarioFile('01-resident-asks-about-the-bus-shelter')]: (d) => { d.replies = d.actions; delete d.actions; } });
    expect(problem(() => loadScenarios(replies, 'cwm'))).toContain('field "replies": "o-pass-to-clerk" asks for an action (choose: action), so give "actions" instead of drafted replies');
    const extra = changedFixture({ [scenarioFile('03-abusive-comment-on-the-council-page')]: (d) => { d.actions = [{ text: 'a', breaks: [], rules: [], feedback: 'f' }, { text: 'b', breaks: ['c-clerk'], rules: [], feedback: 'f' }]; } });
    expect(problem(() => loadScenarios(extra, 'cwm'))).toContain('field "actions": "o-delete-report" asks for no choice, so remove the actions');
  });

  it('lets "say nothing" be the best action, and needs exactly one best', () => {
    const rumour = loadScenarios(fixture, 'cwm').find((s) => s.id === '05-rumour-about-the-playing-field')!.data;
    expect(rumour.actions!.find(isBestReply)!.text).toMatch(/^Neither; say nothing/);
    const two = changedFixture({ [scenarioFile('05-rumour-about-the-playing-field')]: (d) => { d.actions[0].breaks = []; d.actions[0].rules = []; } });
    expect(problem(() => loadScenarios(two, 'cwm'))).toContain('exactly one of the actions must break none of the checks and none of the rules (the best one)');
    // Breaking a rule alone is enough not to be best: an action that breaks no check but a rule leaves one best.
    const ruleOnly = changedFixture({ [scenarioFile('05-rumour-about-the-playing-field')]: (d) => { d.actions[0].breaks = []; } });
    expect(loadScenarios(ruleOnly, 'cwm').find((s) => s.id === '05-rumour-about-the-playing-field')!.data.actions!.filter(isBestReply)).toHaveLength(1);
  });

  it('needs the rules each action breaks, naming only the pack\'s own rule IDs', () => {
    const missing = changedFixture({ [scenarioFile('02-village-show-post')]: (d) => { delete d.actions[1].rules; } });
    expect(problem(() => loadScenarios(missing, 'cwm'))).toContain('field "actions[1].rules" is missing');
    const unknown = changedFixture({ [scenarioFile('02-village-show-post')]: (d) => { d.actions[1].rules = ['CWM-9.1']; } });
    expect(problem(() => loadScenarios(unknown, 'cwm'))).toContain('field "actions[1].rules": "CWM-9.1" is not a rule in content/cwm/rules.yaml');
  });

  it('an own-action scenario starts from the intention and needs no post; a respond scenario needs its post', () => {
    const cover = loadScenarios(fixture, 'cwm').find((s) => s.id === '06-cover-photo-in-the-election')!.data;
    expect(cover.post).toBeUndefined();
    expect(cover.intention).toMatch(/cover photo/);
    expect(cover.path[0]!.node).toBe('q-council-account');
    const noIntention = changedFixture({ [scenarioFile('06-cover-photo-in-the-election')]: (d) => { delete d.intention; } });
    expect(problem(() => loadScenarios(noIntention, 'cwm'))).toContain('field "intention" is missing: the graph this scenario uses ("act", quizzes/cwm/graphs/act.yaml) is about the member\'s own action');
    const noPost = changedFixture({ [scenarioFile('02-village-show-post')]: (d) => { delete d.post; } });
    expect(problem(() => loadScenarios(noPost, 'cwm'))).toContain('field "post" is missing');
  });

  it('finds assessment decision nodes in any of the pack\'s graphs', () => {
    const pack = loadPacks(fixture)[0]!;
    expect(loadAssessment(fixture, pack).filter((q) => q.kind === 'decision').map((q) => q.node)).toContain('q-council-account');
    const dir = changedFixture({ 'quizzes/cwm/assessment.yaml': (d) => { d.questions.find((q: any) => q.kind === 'decision').node = 'q-unlawful'; } });
    expect(problem(() => loadAssessment(dir, loadPacks(dir)[0]!))).toContain('"q-unlawful" is not a node of quizzes/cwm/graphs/respond.yaml or quizzes/cwm/graphs/act.yaml');
  });
});

describe('scoring and re-scoring action choices', () => {
  it('scores an action pick like a reply pick: a mark only for the choice that breaks no check', () => {
    const course = cwm();
    const show = course.scenarios.find((s) => s.id === '02-village-show-post')!;
    expect(scoreScenario(show, { answers: show.path, reply: 0 })).toMatchObject({ replyCorrect: true, correct: 5, total: 5, complete: true });
    expect(scoreScenario(show, { answers: show.path, reply: 1 })).toMatchObject({ replyCorrect: false, correct: 4, complete: true });
    expect(() => scoreScenario(show, { answers: show.path, reply: 3 })).toThrow('reply 3 is not one of the 3 actions');
    // An action outcome without a pick is not complete.
    expect(scoreScenario(show, { answers: show.path })).toMatchObject({ complete: false, total: 5 });
  });

  it('re-scores from the quiz data: a forged replyCorrect is ignored, and entries name the pack\'s own graph', () => {
    const course = cwm();
    const progress = perfectProgress(course);
    const cover = progress.scenarios['06-cover-photo-in-the-election']!;
    expect(cover.reply).toBe(1);
    // The browser claims the password-sharing action was right.
    progress.scenarios['06-cover-photo-in-the-election'] = { ...cover, reply: 0, replyCorrect: true };
    const result = rescore({ lessons: course.lessons, scenarios: course.scenarios, checks: course.checks }, progress);
    const entry = result.scenarios.find((s) => s.scenario === '06-cover-photo-in-the-election')!;
    // The record says which of the pack's rules the picked action breaks.
    expect(entry).toMatchObject({ graph: 'act', reply: { index: 0, correct: false, rules: ['CWM-4.1', 'CWM-4.2'] }, correct: 1, total: 2, outcome: 'o-through-clerk' });
    expect(result.scenarios.find((s) => s.scenario === '07-your-own-fun-run-photos')).toMatchObject({ graph: 'act', reply: null, correct: 1, total: 1, complete: true });
    expect(result.scenarios.filter((s) => s.graph === 'respond')).toHaveLength(5);
    // 16 decisions and 4 choices, all right but the forged one.
    expect(result.scores.scenarios).toEqual({ completed: 7, total: 7, correct: 19, asked: 20 });
  });

  it('leaves shared-graph entries without a graph key, so Wyre records read as before', () => {
    const wyre = courseFor('wyre');
    const result = rescore({ lessons: wyre.lessons, scenarios: wyre.scenarios, checks: wyre.checks }, perfectProgress(wyre));
    expect(result.scenarios.every((s) => !('graph' in s))).toBe(true);
  });
});

describe('analytics count each node of each graph apart', () => {
  const graphOfScenario = (pack: string, scenario: string) =>
    (pack === 'cwm' ? cwm() : courseFor('wyre')).scenarios.find((s) => s.id === scenario)?.graph;

  it('keeps shared-graph nodes bare and keys pack graphs by pack and graph', () => {
    expect(decisionItem('01-youth-club-asks-how-to-have-a-say#q-unlawful', 'wyre', graphOfScenario)).toBe('q-unlawful');
    expect(decisionItem('06-cover-photo-in-the-election#q-council-account', 'cwm', graphOfScenario)).toBe('cwm/act:q-council-account');
    expect(parseDecisionItem('cwm/act:q-council-account')).toEqual({ pack: 'cwm', graph: 'act', node: 'q-council-account' });
    expect(parseDecisionItem('q-unlawful')).toEqual({ node: 'q-unlawful' });
    const cwmGraphs = loadGraphs(fixture, 'cwm');
    expect(graphOf(cwmGraphs, 'act')?.byId.get('q-council-account')?.kind).toBe('question');
  });
});

describe('the player\'s wording comes from the graph', () => {
  it('counts the graph\'s checks and words actions as choices, without quotation marks', () => {
    expect(choiceWords('reply', shared)).toMatchObject({ intro: 'Which reply would you post? Check each against the five checks before you respond.', passes: 'It passes all five checks.', open: '“' });
    const act = graphOf(loadGraphs(fixture, 'cwm'), 'act')!;
    expect(choiceWords('action', act)).toMatchObject({ intro: 'What would you do? Check each choice against the two checks.', button: 'Choose option', passes: 'It passes both checks.', open: '' });
  });
});

describe('pages name and label each graph from its own data', () => {
  it('names the pack\'s flowcharts, and notes what follows each outcome', () => {
    expect(flowchartsLabel([shared])).toBe('"should I respond?" flowchart');
    const graphs = loadGraphs(fixture, 'cwm');
    expect(flowchartsLabel(graphs)).toBe('"should I respond?" and "should I post, change or open this?" flowcharts');
    expect(outcomeNote(shared.byId.get('o-fix') as any, shared)).toBe('You reply: use the five checks');
    expect(outcomeNote(graphs[0]!.byId.get('o-say-nothing') as any, graphs[0]!)).toBe('Choose what to do');
    expect(outcomeNote(graphs[1]!.byId.get('o-own-account') as any, graphs[1]!)).toBe('Nothing more to choose');
  });
});
