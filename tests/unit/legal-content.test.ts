/**
 * Law the course must teach in both packs, and statements it must not make (content review F3, F4,
 * F7, F8, F9, F10, F18): each pack's lessons name the current law where the policy's date left it
 * out, the shared "capture and report" outcome carries the child-safety exception, and the Wyre
 * items the review named separate the policy's advice from the criminal tests.
 */
import { describe, expect, it } from 'vitest';
import { loadAssessment, loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { inPackWords } from '../../src/lib/graphs.ts';
import { coreMarkdown } from '../../src/lib/course.ts';
import { lessonFiles, root } from './support/content.ts';

const graph = loadFlowchart(root);
const lessonsOf = (pack: string) => lessonFiles().filter((l) => l.pack === pack).map((l) => l.body).join('\n');
const CHILD_EXCEPTION = [/sexual image of a child/, /do not screenshot, save or forward it/, /Internet Watch Foundation/, /999/, /CEOP/];

describe.each(['wyre', 'ashfield'])('%s lessons teach the law as it stands now', (pack) => {
  const text = lessonsOf(pack);

  it('predisposition is lawful: Localism Act 2011, section 25', () => {
    expect(text).toMatch(/section 25[^.]*Localism Act 2011|Localism Act 2011, section 25/);
  });

  it('data protection: UK GDPR and the Data Protection Act 2018, with the date the law changed', () => {
    expect(text).toMatch(/GDPR and the Data Protection Act 2018/);
    expect(text).toMatch(/UK GDPR/);
    expect(text).toMatch(/25 May 2018/);
  });

  it('digital imprints under the Elections Act 2022, dated', () => {
    expect(text).toMatch(/imprint/);
    expect(text).toMatch(/November 2023[\s\S]{0,40}Elections Act 2022|Elections Act 2022[\s\S]{0,40}November 2023/);
  });

  it('the child-safety exception to capturing a post', () => {
    for (const part of CHILD_EXCEPTION) expect(text).toMatch(part);
  });

  it('the exception says whom to tell in the core text, not only under "More on this"', () => {
    const core = lessonFiles().filter((l) => l.pack === pack).map((l) => coreMarkdown(l.body)).join('\n');
    expect(core).toMatch(/never screenshot, save or forward a possible sexual image of a child\. Note the link and report it at once to the police or the Internet Watch Foundation \(999/);
  });

  it('criticising the council is protected political expression (Article 10; Heesom)', () => {
    expect(text).toMatch(/Article 10 of the European Convention on Human Rights/);
    expect(text).toMatch(/Heesom v Public Services Ombudsman for Wales/);
  });
});

describe('the shared "capture and report" outcome', () => {
  it('carries the child-safety exception, in each pack\'s words', () => {
    const wyre = inPackWords({ ...graph, id: 'respond', file: 'quizzes/flowchart.yaml', shared: true }, { officer: 'Monitoring Officer', members: 'councillors' });
    const action = (wyre.byId.get('o-capture-report') as { action: string }).action;
    for (const part of CHILD_EXCEPTION) expect(action).toMatch(part);
    expect(action).toContain('not even to the Monitoring Officer');
  });
});

describe('Wyre items the review named', () => {
  const scenarios = loadScenarios(root, 'wyre', graph);
  const bank = loadAssessment(root, loadPacks(root).find((p) => p.pack.id === 'wyre')!);

  it('scenario 08 (a sexual cartoon tagging children) no longer says to capture it, and says whom to report to', () => {
    const s = scenarios.find((x) => x.id.includes('08-obscene-comment'))!;
    expect(s.data.outcome).toBe('o-capture-report');
    expect(s.data.explanation).not.toMatch(/Capture the comment/);
    for (const part of CHILD_EXCEPTION.slice(1)) expect(s.data.explanation).toMatch(part);
  });

  it('scenario 12\'s best reply, a candidate\'s campaign post, carries a digital imprint', () => {
    const s = scenarios.find((x) => x.id.includes('12-library-claim'))!;
    const best = s.data.replies!.find((r) => r.breaks.length === 0)!;
    expect(best.text).toMatch(/Promoted by/);
    expect(best.feedback).toMatch(/imprint/);
  });

  it('obscenity: the policy\'s "anyone might consider" is told apart from the criminal tests', () => {
    const graffiti = bank.find((q) => q.id === 'fa-rule-graffiti-photo')!;
    expect(graffiti.explanation).toMatch(/Obscene Publications Act 1959/);
    expect(graffiti.explanation).toMatch(/Communications\s+Act 2003/);
    expect(graffiti.options.map((o) => o.feedback).join(' ')).not.toMatch(/criminal offence, whatever the reason/);
    const check = loadChecks(root, 'wyre').flatMap((c) => c.questions).find((q) => q.id === 'obscene-on-your-page')!;
    const feedback = check.options.map((o) => o.feedback).join(' ');
    expect(feedback).toMatch(/Obscene Publications Act 1959/);
    expect(feedback).not.toMatch(/The test is wider/);
  });

  it('a public-interest disclosure: the Model Code\'s real tests, and consulting (not obeying) the Monitoring Officer', () => {
    const leisure = bank.find((q) => q.id === 'fa-dec-leisure-contract-reasons')!;
    const check = loadChecks(root, 'wyre').flatMap((c) => c.questions).find((q) => q.id === 'code-confidential')!;
    for (const feedback of [leisure.options, check.options].map((os) => os.map((o) => o.feedback).join(' '))) {
      expect(feedback).toMatch(/LGA\s+Model\s+Code\s+2020/);
      // Para 4.2: reasonable and in the public interest, in good faith, within the council's reasonable requirements.
      expect(feedback).toMatch(/public-interest\s+disclosure\s+only\s+if\s+it\s+is\s+reasonable,\s+made\s+in\s+good\s+faith\s+and\s+in\s+line\s+with\s+the\s+council's\s+reasonable\s+requirements/);
      expect(feedback).toMatch(/consulted\s+the\s+Monitoring\s+Officer/);
      expect(feedback).not.toMatch(/Monitoring Officer's advice/);
    }
  });

  it('scenario 12: the imprint goes in the reply unless there is no room, with a contact address, not a home', () => {
    const s = scenarios.find((x) => x.id.includes('12-library-claim'))!;
    const best = s.data.replies!.find((r) => r.breaks.length === 0)!;
    expect(best.feedback).not.toMatch(/short reply/);
    expect(best.feedback).toMatch(/no room/);
    expect(best.feedback).toMatch(/need not be your home/);
    expect(best.text).toMatch(/PO Box/);
    expect(s.data.explanation).toMatch(/name and address/);
  });

  it('obscene material "can be" a crime, never flatly "is" one', () => {
    const obscene = loadChecks(root, 'wyre').flatMap((c) => c.questions).filter((q) => q.id.startsWith('obscene'));
    const s = scenarios.find((x) => x.id.includes('08-obscene-comment'))!;
    const text = [...obscene.flatMap((q) => q.options.map((o) => o.feedback)), ...s.data.path.map((p) => p.why), s.data.explanation].join(' ');
    expect(text).not.toMatch(/obscene material is a (crime|criminal offence)(?!; more exactly)/);
    expect(s.data.explanation).toMatch(/Once reported, hide it/);
  });
});
