/**
 * Ashfield content the review asked to change (F1b, F3, F13, F14, F15, F16, F22): capture before
 * removing, "no view on the merits" taught as the safe course, a plainly positive post for the
 * positive scenario, and the named routes (Monitoring Officer's advice before a decision, election
 * contacts, fraud reporting, safeguarding) in the scenarios, lessons and questions that need them.
 */
import { describe, expect, it } from 'vitest';
import { loadAssessment, loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { coreMarkdown } from '../../src/lib/course.ts';
import { lessonFiles, root } from './support/content.ts';

const graph = loadFlowchart(root);
const scenarios = loadScenarios(root, 'ashfield', graph);
const scenario = (part: string) => scenarios.find((s) => s.id.includes(part))!.data;
const lesson = (part: string) => lessonFiles().find((l) => l.pack === 'ashfield' && l.file.includes(part))!.body;
const SECTION_25 = /Localism Act 2011, section 25/;

describe('Ashfield: capture, then remove (F1b)', () => {
  it('the libel story keeps a copy before removing the comment, and reports it', () => {
    const story = coreMarkdown(lesson('04-you-are-responsible')).split('## In practice')[1]!;
    expect(story).toMatch(/screenshots it[\s\S]*then removes it promptly[\s\S]*Monitoring Officer/);
  });

  it('both lessons that teach removal give the child-safety exception', () => {
    for (const part of ['04-you-are-responsible', '10-capturing-posts']) {
      const body = lesson(part);
      expect(body).toMatch(/Capture, then remove|capture, then remove/);
      expect(body).toMatch(/sexual image of a child/);
    }
  });
});

describe('Ashfield: "give no view on the merits" is the safe course, not the rule (F3)', () => {
  it('the licensing lesson says so, with Ashfield example 2 and section 25', () => {
    const body = lesson('scenarios/02-licensing');
    expect(body).toMatch(/safe course/);
    expect(body).toMatch(/example 2 lets you express views or concerns/);
    expect(body).toMatch(SECTION_25);
  });

  it('the quarry reply that voices a concern is faulted for confirming a vote, not for having a view', () => {
    const reply = scenario('07-your-quarry').replies!.find((r) => r.text.includes('lorry traffic'))!;
    expect(reply.feedback).toMatch(/Voicing a concern is allowed/);
    expect(reply.feedback).toMatch(SECTION_25);
  });
});

describe('Ashfield scenario 01: a plainly positive post (F13)', () => {
  const s = scenario('01-overgrown-footpath');

  it('thanks and offers help rather than reporting a fault', () => {
    expect(s.post!.text).toMatch(/thanks/i);
    expect(s.post!.text).toMatch(/would happily/);
    expect(s.post!.text).not.toMatch(/walking in the road|so overgrown|complain/i);
  });

  it('keeps its path: positive, needs a response, join in', () => {
    expect(s.path.map((p) => `${p.node}:${p.answer}`)).toEqual(
      ['q-unlawful:no', 'q-decision:no', 'q-confidential:no', 'q-positive:yes', 'q-needs-response:yes']);
    expect(s.outcome).toBe('o-join-in');
  });
});

describe('Ashfield: a committee member who has already blogged (F14)', () => {
  it('scenario 07 and its lesson say to ask the Monitoring Officer before the meeting whether to take part', () => {
    for (const text of [scenario('07-your-quarry').explanation, lesson('scenarios/06-your-blog')]) {
      expect(text).toMatch(/ask the Monitoring Officer(,)? before the meeting|Before the meeting, ask the Monitoring Officer/);
      expect(text).toMatch(/take part in the decision/);
      expect(text).toMatch(/predisposition/);
      expect(text).toMatch(/Localism Act\s+2011, section 25/);
      expect(text).toMatch(/good practice, not (part of )?Ashfield/);
    }
  });
});

describe('Ashfield: a false claim about you in election week (F15)', () => {
  it('scenario 08 and the election lesson name the agent, the police contact, the injunction and a rebuttal with an imprint', () => {
    for (const text of [scenario('08-election-false-claim').explanation, lesson('scenarios/07-election')]) {
      expect(text).toMatch(/election agent/);
      expect(text).toMatch(/single point of contact/);
      expect(text).toMatch(/injunction[\s\S]{0,80}Representation of the People Act 1983, section 106\(3\)/);
      expect(text).toMatch(/factual statement on your own page/);
      expect(text).toMatch(/imprint/);
    }
  });
});

describe('Ashfield scenario 11: a scam link residents may have clicked (F16)', () => {
  const text = scenario('11-fake-energy-grant').explanation;

  it('adds a separate warning post on your own page, as principle 4', () => {
    expect(text).toMatch(/separate warning on your own page/);
    expect(text).toMatch(/there is no such\s+grant/);
    expect(text).toMatch(/principle 4/);
  });

  it('reports to the council\'s communications team and the national fraud service, by both names', () => {
    expect(text).toMatch(/communications team/);
    expect(text).toMatch(/Report Fraud[\s\S]{0,80}replaced Action Fraud/);
  });
});

describe('Ashfield: the safeguarding route is named (F22)', () => {
  const ROUTE = [/safeguarding lead/, /MASH/, /CEOP/, /999/];

  it('lesson 06 names the route, says it is good practice, and that the Monitoring Officer is not the safeguarding lead', () => {
    const body = lesson('06-respect-safeguarding');
    for (const part of ROUTE) expect(body).toMatch(part);
    expect(body).toMatch(/Nottinghamshire's Multi-Agency Safeguarding Hub \(MASH\)/);
    expect(body).toMatch(/good practice, not part of Ashfield's policy/);
    expect(body).toMatch(/not the safeguarding lead/);
    expect(coreMarkdown(body)).not.toMatch(/tells? the Monitoring Officer/);
  });

  it('the assessment item and the lesson\'s check name the route', () => {
    const ashfield = loadPacks(root).find((p) => p.pack.id === 'ashfield')!;
    const item = loadAssessment(root, ashfield, graph).find((q) => q.id === 'fa-safeguarding-teen-comment')!;
    const right = item.options.find((o) => o.correct)!;
    for (const part of ROUTE) {
      expect(right.feedback).toMatch(part);
      expect(item.explanation).toMatch(part);
    }
    expect(item.explanation).toMatch(/Monitoring Officer handles conduct, not safeguarding/);
    // A 14-year-old living with a man she met online may be at immediate risk: 999 comes first.
    for (const text of [right.feedback, item.explanation]) expect(text).toMatch(/police on 999 first, then the council's designated safeguarding lead/);
    const check = loadChecks(root, 'ashfield').flatMap((c) => c.questions).find((q) => q.id === 'respect-safeguarding-concern')!;
    expect(check.options.find((o) => o.correct)!.text).toMatch(/safeguarding lead/);
  });
});
