/**
 * "Your own safety online" and the election essentials (issue 14; content review F9 and omissions
 * 4–7): each shipped pack has a short lesson on protecting yourself, with its policy's own rules cited
 * and the rest marked as good practice, and its election lesson carries a dated box of current
 * election law under "More on this", where it costs no induction time.
 */
import { describe, expect, it } from 'vitest';
import { countWords, coreMarkdown } from '../../src/lib/course.ts';
import { loadChecks } from '../../src/lib/load.ts';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { SHIPPED_PACKS } from '../support/packs.ts';
import { lessonFiles, root } from './support/content.ts';

const lessonTitled = (pack: string, title: string) =>
  lessonFiles().find((l) => l.pack === pack && LessonSchema.parse(l.data).title === title);

/** Each pack's own words: the rule it cites for your safety, and its election lesson. */
const PACKS: Record<string, { cites: RegExp; notPolicy: RegExp; election: string }> = {
  wyre: { cites: /\(section 6\)[\s\S]*section 4/, notPolicy: /good practice, not part of Wyre's policy/, election: 'wyre/modules/10-electoral-periods' },
  ashfield: { cites: /\(responsibility 13\)[\s\S]*\(responsibility 14\)/, notPolicy: /good practice, not Ashfield policy/, election: 'ashfield/modules/07-meetings-elections-and-the-council-name' },
};

describe.each(SHIPPED_PACKS)('%s: your own safety online', (pack) => {
  const lesson = lessonTitled(pack, 'Your own safety online');
  const core = coreMarkdown(lesson?.body ?? '');

  it('is a module lesson with a short core (about 150 to 220 words) and one required check question', () => {
    expect(lesson?.id).toMatch(new RegExp(`^${pack}/modules/`));
    expect(countWords(core)).toBeGreaterThanOrEqual(150);
    expect(countWords(core)).toBeLessThanOrEqual(220);
    const check = loadChecks(root, pack).find((c) => c.lesson === lesson!.id)!;
    expect(check.questions.filter((q) => !q.practice)).toHaveLength(1);
  });

  it('cites the policy\'s own rules and marks the rest as good practice, in the core', () => {
    expect(core).toMatch(PACKS[pack]!.cites);
    expect(core).toMatch(PACKS[pack]!.notPolicy);
  });

  it('says when to ring 999 or 101, whom to tell, and the child-safety exception to keeping a log, in the core', () => {
    expect(core).toMatch(/999 if you are in danger now/);
    expect(core).toMatch(/101/);
    expect(core).toMatch(/tell the Monitoring Officer/);
    expect(core).toMatch(/If (it|anything) may be a sexual image of a child, don't copy it: note the link and report it to the police or the Internet Watch Foundation/);
    expect(core).toMatch(/CEOP/);
    expect(core).toMatch(/correct it openly and apologise/);
    expect(core).toMatch(/hacked or impersonated, secure the account, warn (your )?followers, report it and tell the Monitoring Officer/);
  });

  it('goes deeper under "More on this": the home address, blocking, the log, the law, support, mistakes and fakes', () => {
    const body = lesson!.body;
    expect(body).toMatch(/section 32 of the Localism Act 2011|Localism Act 2011, section 32/i);
    expect(body).toMatch(/"sensitive interest"/);
    expect(body).toMatch(/ballot paper/);
    for (const word of [/Mute/i, /Restrict/i, /Block/i, /house rules/]) expect(body).toMatch(word);
    expect(body).toMatch(/Since 31 January 2024 the Online Safety Act 2023/);
    for (const offence of [/threatening communications/, /false communications/, /cyberflashing/]) expect(body).toMatch(offence);
    expect(body).toMatch(/Internet Watch Foundation/);
    expect(body).toMatch(/two-step verification/);
    expect(body).toMatch(/"deepfake"/);
    expect(body).toMatch(/report it to the platform as impersonation/);
  });
});

describe.each(SHIPPED_PACKS)('%s: election essentials', (pack) => {
  const lesson = lessonFiles().find((l) => l.id === PACKS[pack]!.election)!;
  const box = lesson.body.slice(lesson.body.indexOf('### Election essentials (the law as at November 2026)'));

  it('is a dated box under "More on this", so it adds nothing to the induction time', () => {
    expect(lesson.body).toContain('### Election essentials (the law as at November 2026)');
    expect(coreMarkdown(lesson.body)).not.toContain('Election essentials');
  });

  it('names the publicity rules, the false-statement offence with its defence and injunction, and the intimidation sanction', () => {
    expect(box).toMatch(/Section 2 of the Local Government Act 1986/);
    expect(box).toMatch(/Code of Recommended Practice on Local Authority Publicity \(2011\)/);
    expect(box).toMatch(/pre-election period/);
    expect(box).toMatch(/section 106 of the Representation of the People Act 1983/i);
    expect(box).toMatch(/reasonable grounds for believing/);
    expect(box).toMatch(/injunction/);
    expect(box).toMatch(/since 1 November 2023\)\.\*\* Under the Elections Act 2022/);
    expect(box).toMatch(/disqualification order/);
    expect(box).toMatch(/five years/);
    expect(box).toMatch(/CBP-9192/);
  });

  it('refers to digital imprints rather than teaching them twice', () => {
    expect(box.match(/imprint/g)!.length).toBeLessThanOrEqual(2);
  });
});
