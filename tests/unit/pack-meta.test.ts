/** pack.yaml's documents, dates, lang and wording; friendly errors for pack authors; the new-pack scaffold. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { CourseDataError, parseOrExplain } from '../../src/lib/friendly-errors.ts';
import { formatDocumentDate, formatDocuments } from '../../src/lib/format.ts';
import { loadAssessment, loadFlowchart, loadPack, loadPacks } from '../../src/lib/load.ts';
import { parsePack } from '../../src/lib/pack.ts';
import { declarationText } from '../../src/lib/record.ts';
import { fillWording, neutralOfficer, packWording, siteWording } from '../../src/lib/roles.ts';
import { DocumentDateSchema } from '../../src/schemas/pack.ts';
import { SignOffFormSchema } from '../../src/schemas/sign-off.ts';
import { root } from './support/content.ts';

const FILE = 'content/wyre/pack.yaml';
const good = readFileSync(join(root, FILE), 'utf8');
const variant = (change: (pack: Record<string, any>) => void) => {
  const data = parse(good);
  change(data);
  return stringify(data);
};
const packOf = (change: (pack: Record<string, any>) => void) => parsePack(variant(change), FILE, 'wyre');
function messageOf(text: string): string {
  try {
    parsePack(text, FILE, 'wyre');
  } catch (error) {
    expect(error).toBeInstanceOf(CourseDataError);
    return (error as Error).message;
  }
  throw new Error('expected the pack to be rejected');
}
/** Two documents, the second undated and only drawn on; a Clerk and no group leader. */
const twoDocuments = (p: Record<string, any>) => {
  delete p.policy;
  p.documents = [
    { title: 'Online Policy', version: '2', date: '2019' },
    { title: 'Online Strategy', version: '1', date: 'c. 2017' },
    { title: 'Guidance note', version: 'A', date: 'undated', signed: false },
  ];
  p.monitoringOfficer = { role: 'Clerk' };
  p.wording = { members: 'community councillors' };
};

describe('source documents', () => {
  it('keeps a single policy, its title and version exactly as members sign them today', () => {
    const [ashfield, wyre] = loadPacks(root).filter((p) => ['ashfield', 'wyre'].includes(p.pack.id)).map((p) => p.pack);
    expect(wyre!.policy).toEqual({ title: 'Social Media Policy for Members', version: 'November 2017' });
    expect(ashfield!.policy).toEqual({ title: 'Social Media Policy and Guidelines for Councillors and Co-opted Members', version: '3' });
    expect(wyre!.documents).toEqual([{ title: 'Social Media Policy for Members', version: 'November 2017', date: '2017-11', constitution: 'Recommended for Part 5 of the Constitution; ask the Monitoring Officer whether it was adopted', signed: true }]);
    expect(declarationText(wyre!)).toBe('I have read and understood Wyre Council\'s "Social Media Policy for Members" (version November 2017), and I will follow it whenever I use social media as a member of the council, or could be seen to be acting as one.');
  });

  it('reads several documents; members sign those not marked "signed: false", as one title and one version', () => {
    const pack = packOf(twoDocuments);
    expect(pack.documents.map((d) => d.date)).toEqual(['2019', { approx: true, year: 2017 }, null]);
    expect(pack.policy).toEqual({ title: 'Online Policy and Online Strategy', version: '2 + 1' });
    expect(declarationText(pack)).toMatch(/^I have read and understood Wyre Council's "Online Policy" \(version 2\) and "Online Strategy" \(version 1\), and I will/);
    expect(formatDocuments(pack.documents)).toBe('Online Policy (Version 2, dated 2019), Online Strategy (Version 1, dated about 2017) and Guidance note (A, undated)');
  });

  it('accepts every form of date and shows each in plain English', () => {
    const dates: [unknown, unknown, string][] = [
      ['2017-11-16', '2017-11-16', '16 November 2017'], ['2018-05', '2018-05', 'May 2018'], [2017, '2017', '2017'],
      ['c. 2017', { approx: true, year: 2017 }, 'about 2017'], ['circa 2015', { approx: true, year: 2015 }, 'about 2015'],
      ['undated', null, 'undated'], [undefined, null, 'undated'],
    ];
    for (const [input, stored, shown] of dates) {
      const date = packOf((p) => (input === undefined ? delete p.policy.date : (p.policy.date = input))).documents[0]!.date;
      expect(date).toEqual(stored);
      expect(formatDocumentDate(date)).toBe(shown);
    }
    expect(DocumentDateSchema.parse(new Date('2020-01-02T00:00:00Z'))).toBe('2020-01-02');
    expect(messageOf(variant((p) => (p.policy.date = 'last spring')))).toContain('field "policy.date": expected a date written as YYYY-MM-DD, YYYY-MM or YYYY, "c. 2017" when approximate, or "undated" (found "last spring")');
  });

  it('needs "policy" or "documents", one of them, and at least one signed document', () => {
    expect(messageOf(variant((p) => delete p.policy))).toContain('field "policy" is missing: give "policy" (one document) or "documents" (a list of documents)');
    expect(messageOf(variant((p) => (p.documents = [{ title: 'A', version: '1' }])))).toContain('give either "policy" (one document) or "documents" (a list), not both');
    expect(messageOf(variant((p) => {
      twoDocuments(p);
      for (const d of p.documents) d.signed = false;
    }))).toContain('members must sign at least one document');
  });

  it('lists several source files, or one', () => {
    expect(packOf(() => {}).source.files).toEqual(['wyre-social-media-policy-2017.txt']);
    expect(packOf((p) => (p.source = { citation: 'Two documents', files: ['a.txt', 'b.txt'] })).source.files).toEqual(['a.txt', 'b.txt']);
  });
});

describe('lang', () => {
  it('defaults to en-GB and keeps a valid tag in its canonical form', () => {
    expect(packOf(() => {}).lang).toBe('en-GB');
    expect(packOf((p) => (p.lang = 'cy')).lang).toBe('cy');
    expect(packOf((p) => (p.lang = 'cy-gb')).lang).toBe('cy-GB');
  });

  it('refuses something that is not a language tag', () => {
    expect(messageOf(variant((p) => (p.lang = 'Welsh please')))).toContain('field "lang": is not a language tag: expected one such as "en-GB", "cy" or "cy-GB" (found "Welsh please")');
  });
});

describe('roles and wording', () => {
  it('comes from the pack, with no escalation unless the pack has one', () => {
    expect(packWording(loadPack(root, 'wyre').pack)).toEqual({ officer: 'Monitoring Officer', escalation: 'your group leader', members: 'councillors' });
    expect(packWording(packOf(twoDocuments))).toEqual({ officer: 'Clerk', escalation: undefined, members: 'community councillors' });
  });

  it('is neutral on pages not tied to one pack: the one role when all agree, else each', () => {
    const mo = { monitoringOfficer: { role: 'Monitoring Officer' }, wording: { escalateTo: 'your group leader', members: 'councillors' } };
    const clerk = { monitoringOfficer: { role: 'Clerk' }, wording: { members: 'councillors' } };
    expect(neutralOfficer([mo, mo])).toBe('Monitoring Officer');
    expect(neutralOfficer([mo, clerk])).toBe('Clerk or Monitoring Officer');
    expect(neutralOfficer([mo, clerk, { monitoringOfficer: { role: 'Proper Officer' } }])).toBe('Clerk, Monitoring Officer or Proper Officer');
    expect(siteWording([mo, mo]).escalation).toBe('your group leader');
    expect(siteWording([mo, clerk]).escalation).toBeUndefined();
  });

  it('fills placeholders in shared text, dropping optional parts the pack has no words for', () => {
    const text = 'Report it to the {officer}[[ (and {escalation} for threats or harassment)]]. {Escalation} may help.';
    expect(fillWording(text, { officer: 'Monitoring Officer', escalation: 'your group leader', members: 'councillors' }))
      .toBe('Report it to the Monitoring Officer (and your group leader for threats or harassment). Your group leader may help.');
    expect(fillWording('Report it to the {officer}[[ (and {escalation} for threats)]]. Tell other {members}.', { officer: 'Clerk', members: 'councillors' }))
      .toBe('Report it to the Clerk. Tell other councillors.');
  });
});

describe('friendly errors for pack authors', () => {
  it('says a missing file is missing, naming it and what it holds, not a raw ENOENT', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-files-'));
    try {
      for (const part of ['content', 'quizzes']) cpSync(join(root, part), join(dir, part), { recursive: true });
      rmSync(join(dir, 'quizzes', 'wyre', 'assessment.yaml'));
      const wyre = loadPack(dir, 'wyre');
      expect(() => loadAssessment(dir, wyre, loadFlowchart(dir))).toThrow(/^quizzes\/wyre\/assessment.yaml is missing: the final-assessment question bank$/);
      rmSync(join(dir, 'content', 'wyre', 'rules.yaml'));
      expect(() => loadPack(dir, 'wyre')).toThrow(/^content\/wyre\/rules.yaml is missing: the policy's rules/);
      rmSync(join(dir, 'content', 'wyre', 'pack.yaml'));
      // A folder of lessons without its pack.yaml is reported, not skipped.
      expect(() => loadPacks(dir)).toThrow(/^content\/wyre\/pack.yaml is missing: the pack's council, policy documents/);
      rmSync(join(dir, 'quizzes', 'flowchart.yaml'));
      expect(() => loadFlowchart(dir)).toThrow(/^quizzes\/flowchart.yaml is missing: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('words enum and type errors in the project\'s words for every schema', () => {
    const schema = z.strictObject({ role: z.enum(['councillor', 'co-opted member']), kind: z.literal('rule'), count: z.number(), tags: z.array(z.string()).min(1) });
    const input = { role: 'member', kind: 'decision', count: 'three', tags: [] };
    let message = '';
    try {
      parseOrExplain(schema, input, 'quizzes/x/file.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe([
      'quizzes/x/file.yaml has 4 problems:',
      '  - field "role": expected one of: councillor, co-opted member (found "member")',
      '  - field "kind": expected rule (found "decision")',
      '  - field "count": expected a number (found "three")',
      '  - field "tags": expected at least 1 item (found a list)',
    ].join('\n'));
    // A schema's own message is kept.
    expect(SignOffFormSchema.shape.role.safeParse('member').error!.issues[0]!.message).toBe('Select whether you are a councillor or a co-opted member');
  });
});

describe('npm run new-pack', () => {
  const node = join(root, 'node_modules', 'node', 'bin', 'node');
  const run = (dir: string, id: string) => spawnSync(node, [join(root, 'scripts', 'new-pack.ts'), id], { encoding: 'utf8', env: { ...process.env, COURSE_CONTENT_ROOT: dir } });

  it('scaffolds a pack that validates, prints the checklist, and refuses a taken or bad ID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-pack-'));
    try {
      for (const part of ['content', 'quizzes']) cpSync(join(root, part), join(dir, part), { recursive: true });
      const made = run(dir, 'llanfair');
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toContain('[ ] quizzes/llanfair/assessment.yaml: at least 24 questions');
      expect(loadPack(dir, 'llanfair').pack.documents[0]!.date).toBeNull();
      const again = run(dir, 'llanfair');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('A pack called "llanfair" already exists (content/llanfair, quizzes/llanfair)');
      const bad = run(dir, 'Bad_Id');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('"Bad_Id" is not a pack ID: expected lower-case letters');
      expect(existsSync(join(dir, 'content', 'Bad_Id'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
