/**
 * Issue 14, second round: two reviewers checked the first round of content fixes (content review
 * F1, F3, F6, F9, F10, F12, F18, F22, F23 and omission 8). Each block pins one point they asked for,
 * so a later edit cannot quietly undo it.
 */
import { describe, expect, it } from 'vitest';
import { coreMarkdown } from '../../src/lib/course.ts';
import { loadAssessment, loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { lessonFiles, root } from './support/content.ts';

const graph = loadFlowchart(root);
const lessonFile = (pack: string, part: string) => lessonFiles().find((l) => l.pack === pack && l.file.includes(part))!;
const body = (pack: string, part: string) => lessonFile(pack, part).body;
const scenario = (pack: string, part: string) => loadScenarios(root, pack, graph).find((s) => s.id.includes(part))!.data;
const bank = (pack: string) => loadAssessment(root, loadPacks(root).find((p) => p.pack.id === pack)!, graph);
const item = (pack: string, id: string) => bank(pack).find((q) => q.id === id)!;
const checkQuestion = (pack: string, id: string) => loadChecks(root, pack).flatMap((c) => c.questions).find((q) => q.id === id)!;
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('what happens after a complaint (omission 8), in both packs', () => {
  for (const [pack, part] of [['ashfield', 'scenarios/08-if-you-breach'], ['wyre', '03-code-of-conduct-online']] as const) {
    it(`${pack}: the process and the limited sanctions, under "More on this", marked as law`, () => {
      const text = body(pack, part);
      const after = text.slice(text.indexOf('## More on this'));
      expect(after).toMatch(/set by law, not by (Ashfield|Wyre)'s policy/);
      expect(after).toMatch(/Independent Person is consulted before a decision/);
      expect(after).toMatch(/Localism Act 2011 the sanctions are limited/);
      expect(after).toMatch(/no power to suspend or disqualify/);
      expect(after).toMatch(/government has proposed stronger sanctions/);
      expect(coreMarkdown(text)).not.toMatch(/Independent Person/);
    });
  }
});

describe('Ashfield items', () => {
  it('the troll scenario explains why rude jibes spread across councillors are not yet harassment', () => {
    const why = flat(scenario('ashfield', '03-anonymous-troll').path.find((p) => p.node === 'q-unlawful')!.why);
    expect(why).toMatch(/rude or insulting is not enough on its own/);
    expect(why).toMatch(/spread across three councillors[^.]*do not yet amount to harassment/);
    expect(why).toMatch(/Keep a log/);
  });

  it('the safeguarding lead is labelled good practice in lesson 06 and its check', () => {
    expect(coreMarkdown(body('ashfield', '06-respect'))).toMatch(/as good practice \(the policy names no one\), tell the council's designated safeguarding lead/);
    const right = checkQuestion('ashfield', 'respect-safeguarding-concern').options.find((o) => o.correct)!;
    expect(right.feedback).toMatch(/The policy names no route; good practice is the safeguarding lead, not the Monitoring Officer/);
  });

  it('the skate-park grooming comment goes to the safeguarding lead, with the Monitoring Officer sent a copy', () => {
    expect(flat(scenario('ashfield', '12-skate-park').explanation)).toMatch(/to CEOP or the police, and to the council's designated safeguarding lead; send the Monitoring Officer your copy too/);
  });

  it('the hacked-account check deletes the scam posts after copying them, and its right answer is not the longest', () => {
    const q = checkQuestion('ashfield', 'safety-hacked-after-phishing');
    const right = q.options.find((o) => o.correct)!;
    expect(right.text).toMatch(/copy then delete the scam posts/);
    expect(right.feedback).toMatch(/keep a copy of the scam posts and then delete them/);
    expect(right.text.length).toBeLessThan(Math.max(...q.options.map((o) => o.text.length)));
  });

  it('the quarry reply that confirms a settled view is scored against the predetermination example', () => {
    const reply = scenario('ashfield', '07-your-quarry').replies!.find((r) => r.text.includes('lorry traffic'))!;
    expect(reply.rules).toEqual(['A-FAQ6', 'A-P2']);
  });

  it('the imprint address need not be your home; the false-statement offence has its defence', () => {
    expect(body('ashfield', 'scenarios/07-election')).toMatch(/The address need not be your home: an office or agent's address where you can be contacted will do/);
    const right = checkQuestion('ashfield', 'election-periods-rumour-about-rival').options.find((o) => o.correct)!;
    expect(right.feedback).toMatch(/can be a crime under electoral law \(Representation of the People Act 1983, section 106\), unless you had reasonable grounds to believe it true/);
  });
});

describe('Wyre items', () => {
  it('the "changes" notes of lessons that now teach new law say so (W1)', () => {
    const note = (part: string) => LessonSchema.parse(lessonFile('wyre', part).data).changes!;
    expect(note('06-data-protection')).toMatch(/^New: the law today/);
    expect(note('07-bias')).toMatch(/predisposition/);
    expect(note('08-obscene')).toMatch(/criminal tests/);
    expect(note('13-donts')).toMatch(/Article 10; Heesom/);
    for (const part of ['06-data-protection', '07-bias', '08-obscene', '13-donts']) expect(note(part)).not.toMatch(/rules taught are the same/);
  });

  it('lesson 03 says the Monitoring Officer asked the committee to approve and recommend the policy (F23)', () => {
    expect(body('wyre', '03-code-of-conduct')).toMatch(/the Monitoring Officer asked the Standards Committee to approve the policy and to recommend/);
  });

  it('the drug-dealer item removes before it reports, as the lessons do (F1)', () => {
    const right = item('wyre', 'fa-dec-drug-dealer-comment').options.find((o) => o.correct)!;
    expect(right.text).toBe('Screenshot it with the account, date and time, remove it, then report it');
  });

  it('a private message is for someone\'s own details, never for confidential information', () => {
    expect(coreMarkdown(body('wyre', '14-should-i-respond'))).toMatch(/Someone's own details can be handled in a private message; confidential information stays confidential in private messages too/);
  });

  it('the leisure-contract prompt asks for the answer and the next step (F6)', () => {
    expect(flat(item('wyre', 'fa-dec-leisure-contract-reasons').prompt)).toMatch(/which answer, and next step, is right\?$/);
  });

  it('a harassing campaign "can be harassment", under its Act, rather than "is a crime"', () => {
    const feedback = [
      ...checkQuestion('wyre', 'harassment-pattern').options.slice(0, 2).map((o) => o.feedback),
      item('wyre', 'fa-rule-harassment-warning-signs').options[0]!.feedback,
    ].map(flat);
    for (const f of feedback) expect(f).toMatch(/can be harassment under the Protection from Harassment Act 1997 \(Wyre policy, section 4\)/);
  });

  it('a possible sexual image of a child goes to the police or the Internet Watch Foundation, grooming to CEOP', () => {
    for (const part of ['04-libel', '12-dos']) expect(body('wyre', part)).toMatch(/report it to the police or the Internet Watch Foundation; report grooming worries to CEOP/);
    for (const text of [body('wyre', '08-obscene'), body('wyre', '14-should-i-respond'), scenario('wyre', '08-obscene-comment').explanation]) {
      expect(flat(text)).toMatch(/because copying an image of a child can itself be an offence, and the police will gather the evidence/);
    }
  });

  it('the library item names what the first check is for, in the flowchart\'s terms (F12)', () => {
    const q = item('wyre', 'fa-dec-library-vote-criticism');
    expect(flat(q.options[0]!.feedback)).toMatch(/could be unlawful: threats, hate, harassment, grossly offensive abuse, or defamatory or obscene content/);
    expect(flat(q.explanation)).toMatch(/could be unlawful: threats, hate, harassment, grossly offensive abuse, or defamatory or obscene content/);
  });

  it('the libel lesson has the Defamation Act 2013 under "More on this"', () => {
    const text = body('wyre', '04-libel');
    expect(text.slice(text.indexOf('## More on this'))).toMatch(/Defamation Act 2013 \(in force 1 January 2014\) requires a claimant to show serious harm/);
  });

  it('imprints: the promoter and anyone it is published for; paid political adverts', () => {
    const lesson = flat(body('wyre', '10-electoral-periods'));
    expect(lesson).toMatch(/whoever promoted it, and of anyone it is published for/);
    expect(lesson).toMatch(/Paid political adverts always need one/);
    const s = scenario('wyre', '12-library-claim');
    expect(flat(s.explanation)).toMatch(/whoever promoted it, and of anyone it is published for/);
    expect(flat(s.replies![1]!.feedback)).toMatch(/As campaign material, it would also need an imprint/);
  });

  it('assessment feedback cites the section it rests on', () => {
    expect(flat(item('wyre', 'fa-dec-footbridge-report').options[0]!.feedback)).toMatch(/\(Wyre policy, appendix diagram\)\.$/);
    expect(flat(item('wyre', 'fa-rule-facebook-account-choice').options[1]!.feedback)).toMatch(/grandchildren's photos should not be public[\s\S]*\(Wyre policy, section 6\)\.$/);
    expect(flat(item('wyre', 'fa-rule-cycle-lane-comment').options[0]!.feedback)).toMatch(/\(Wyre policy, sections 2 and 3\)\.$/);
    expect(flat(item('wyre', 'fa-rule-day-centre-messages').options[2]!.feedback)).toMatch(/\(Wyre policy, section 6\)\.$/);
  });
});
