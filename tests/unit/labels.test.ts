import { describe, expect, it } from 'vitest';
import { Labels, shorten, type LabelPack } from '../../src/lib/labels.ts';

const graph = (id: string, shared: boolean, nodes: Record<string, string>) => ({
  id, shared, title: `${id} graph`, byId: new Map(Object.entries(nodes).map(([k, question]) => [k, { kind: 'question', question }])),
});

const pack = (id: string, council: string, prompt: string): LabelPack => ({
  id, council, shortName: council.split(' ')[0]!,
  lessons: [{ id: `${id}/modules/04-libel`, href: `/${id}/lessons/libel/`, title: 'Libel and what it costs' }],
  scenarios: [
    { id: '01-youth-club', title: 'The youth club post', href: `/${id}/scenarios/youth-club/`, replies: [{ text: 'Thank them' }, { text: 'Argue back' }] },
    { id: '02-own', title: 'Your own post', href: `/${id}/scenarios/own/`, graph: 'act' },
  ],
  checks: { [`${id}/modules/04-libel`]: [{ id: 'libel-check', prompt, options: [{ text: 'Yes' }, { text: 'No' }] }] },
  graphs: [graph('respond', true, { 'q-unlawful': 'Could it be unlawful?' }), graph('act', false, { 'q-unlawful': 'Would posting it be unlawful?' })],
  assessment: [{ id: 'fa-dec-drug-dealer-comment', prompt: `In the ward group, a resident calls a named neighbour a drug dealer. ${'More detail follows here. '.repeat(8)}Which answer is right?`, options: [{ text: 'Report it' }, { text: 'Ignore it' }, { text: 'Reply' }] }],
});

const labels = new Labels([pack('wyre', 'Wyre Council', 'Is an untrue post that harms a reputation libel?'), pack('ashfield', 'Ashfield District Council', 'Can you be sued for a post you shared?')]);

describe('shorten', () => {
  it('keeps short text and cuts long text at a word with an ellipsis, within the limit', () => {
    expect(shorten('  A short   question?  ')).toBe('A short question?');
    const long = shorten('word '.repeat(60), 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long).toMatch(/word…$/);
  });
});

describe('labels', () => {
  it('names a course by its council', () => {
    expect(labels.course('wyre')).toBe('Wyre Council');
  });

  it('names questions by their text, in the right pack, linked to the officer\'s question page', () => {
    expect(labels.questionLabel('wyre', 'libel-check')).toEqual({ text: 'Is an untrue post that harms a reputation libel?', href: '/admin/questions/wyre/libel-check/' });
    expect(labels.questionLabel('ashfield', 'libel-check').text).toBe('Can you be sued for a post you shared?');
    const assessment = labels.questionLabel('wyre', 'fa-dec-drug-dealer-comment');
    expect(assessment.text).toMatch(/^In the ward group, a resident calls a named neighbour a drug dealer\..*…$/);
    expect(assessment.text.length).toBeLessThanOrEqual(100);
    expect(assessment.text).not.toContain('fa-dec');
  });

  it('names each kind of member event, never by its ID alone', () => {
    expect(labels.event('wyre', 'lesson', 'wyre/modules/04-libel')).toEqual({ text: 'Libel and what it costs', href: '/wyre/lessons/libel/' });
    expect(labels.event('wyre', 'check', 'libel-check').text).toBe('Is an untrue post that harms a reputation libel?');
    expect(labels.event('wyre', 'flowchart', '01-youth-club#q-unlawful')).toEqual({ text: 'The youth club post: "Could it be unlawful?"', href: '/wyre/scenarios/youth-club/' });
    // A scenario on a pack's own graph reads that graph's step.
    expect(labels.event('wyre', 'flowchart', '02-own#q-unlawful').text).toBe('Your own post: "Would posting it be unlawful?"');
    expect(labels.event('wyre', 'reply', '01-youth-club#reply').text).toBe('The youth club post: the reply or action chosen');
    expect(labels.event('wyre', 'check', 'gone-question').text).toBe('(removed from the course) gone-question');
  });

  it('names analytics items: shared steps, own-graph steps and per-pack questions', () => {
    expect(labels.analyticsItem('flowchart', 'q-unlawful')).toEqual({ text: '"Could it be unlawful?"', href: '/wyre/flowchart/' });
    expect(labels.analyticsItem('flowchart', 'ashfield/act:q-unlawful').text).toBe('"Would posting it be unlawful?" (Ashfield: act graph)');
    expect(labels.analyticsItem('check', 'ashfield/libel-check').text).toBe('Can you be sued for a post you shared?');
    expect(labels.analyticsItem('assessment', 'wyre/fa-dec-drug-dealer-comment').href).toBe('/admin/questions/wyre/fa-dec-drug-dealer-comment/');
    expect(labels.analyticsItem('reply', 'wyre/01-youth-club#reply').text).toBe('The youth club post: the reply or action chosen');
  });

  it('puts a signed record\'s answers into words: question text, options chosen, steps, reply, lessons', () => {
    const words = labels.recordInWords({
      course: { pack: 'wyre' },
      checks: [{ question: 'libel-check', selected: [0], correct: true }],
      assessment: { answers: [{ question: 'fa-dec-drug-dealer-comment', selected: [0, 2], correct: false }] },
      scenarios: [{ scenario: '01-youth-club', decisions: [{ node: 'q-unlawful', answer: 'no', correct: true }], reply: { index: 1, correct: false } }],
      route: { lessons: ['wyre/modules/04-libel'] },
    }) as Record<string, any>;
    expect(words.course).toBe('Wyre Council');
    expect(words.knowledgeChecks[0]).toEqual({ question: 'libel-check', text: 'Is an untrue post that harms a reputation libel?', chosen: ['Yes'], correct: true });
    expect(words.assessment[0].chosen).toEqual(['Report it', 'Reply']);
    expect(words.assessment[0].text).toMatch(/Which answer is right\?$/);
    expect(words.scenarios[0]).toMatchObject({ title: 'The youth club post', steps: [{ question: 'Could it be unlawful?', answer: 'no' }], reply: { index: 1, text: 'Argue back' } });
    expect(words.routeLessons).toEqual([{ id: 'wyre/modules/04-libel', title: 'Libel and what it costs' }]);
  });
});
