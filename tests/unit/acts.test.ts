/**
 * Every Act of Parliament the course names is named correctly: its current short title and year
 * (issue 14). An Act that has been repealed may be named only where the text says it has been
 * replaced. Packs are found by reading content/, so a new pack's text is checked too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentRoot } from '../support/packs.ts';

/** Short titles (Short Titles Act style), with the year, and whether the Act is still in force. */
const ACTS: { title: string; year: number; repealed?: true }[] = [
  { title: 'Localism Act', year: 2011 },
  { title: 'Defamation Act', year: 2013 },
  { title: 'Defamation Act', year: 1996 },
  { title: 'Data Protection Act', year: 2018 },
  { title: 'Data Protection Act', year: 1998, repealed: true },
  { title: 'Data (Use and Access) Act', year: 2025 },
  { title: 'Elections Act', year: 2022 },
  { title: 'Representation of the People Act', year: 1983 },
  { title: 'Online Safety Act', year: 2023 },
  { title: 'Obscene Publications Act', year: 1959 },
  { title: 'Communications Act', year: 2003 },
  { title: 'Malicious Communications Act', year: 1988 },
  { title: 'Protection from Harassment Act', year: 1997 },
  { title: 'Protection of Children Act', year: 1978 },
  { title: 'Human Rights Act', year: 1998 },
  { title: 'Equality Act', year: 2010 },
  { title: 'Public Order Act', year: 1986 },
  { title: 'Freedom of Information Act', year: 2000 },
  { title: 'Copyright, Designs and Patents Act', year: 1988 },
  { title: 'Computer Misuse Act', year: 1990 },
  { title: 'Local Government Act', year: 1972 },
  { title: 'Local Government Act', year: 1986 },
  { title: 'Local Government Act', year: 2000 },
  { title: 'Local Government (Access to Information) Act', year: 1985 },
  { title: 'Fraud Act', year: 2006 },
];

/** Words that show a repealed Act is named as history, in its sentence or the next. */
const AS_HISTORY = /\b(replaced|repealed|no longer|until|superseded|since|was the law|law changed)\b/i;

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(mdx|ya?ml)$/.test(name) ? [path] : [];
  });
}

interface Mention { file: string; title: string | undefined; year: number | undefined; sentence: string; next: string }

/** Every "… Act" (a capitalised word, or a bracket, just before it) in a text, with the title and year found. */
export function actMentions(text: string, file = ''): Mention[] {
  const flat = text.replace(/\s+/g, ' ');
  const mentions: Mention[] = [];
  for (const match of flat.matchAll(/(?<=[A-Za-z)] )Act\b/g)) {
    const end = match.index! + 3;
    const before = flat.slice(Math.max(0, end - 80), end);
    if (!/(?:[A-Z][a-z]+|\))\sAct$/.test(before) || /\b(?:the|this|that)\sAct$/i.test(before)) continue; // "Act before…", "the Act also…"
    const title = [...new Set(ACTS.map((a) => a.title))].sort((a, b) => b.length - a.length).find((t) => before.endsWith(t));
    const year = /^,? (\d{4})\b/.exec(flat.slice(end))?.[1];
    const start = Math.max(flat.lastIndexOf('. ', match.index!) + 2, 0);
    const stop = flat.indexOf('. ', end);
    const sentence = flat.slice(start, stop < 0 ? undefined : stop + 1);
    mentions.push({ file, title, year: year ? Number(year) : undefined, sentence, next: stop < 0 ? '' : flat.slice(stop + 1, stop + 1 + 250) });
  }
  return mentions;
}

/** What is wrong with a mention, if anything. */
export function mentionProblem(m: Mention): string | undefined {
  const where = `${m.file}: "${m.sentence.trim()}"`;
  if (!m.title) return `${where} names an Act that is not in the list of current short titles (check its exact title, then add it to tests/unit/acts.test.ts)`;
  if (m.year === undefined) return `${where} names the ${m.title} without its year: name it in full, e.g. "${m.title} ${ACTS.find((a) => a.title === m.title)!.year}"`;
  const act = ACTS.find((a) => a.title === m.title && a.year === m.year);
  if (!act) return `${where} names the ${m.title} ${m.year}, which is not an Act of that title (${ACTS.filter((a) => a.title === m.title).map((a) => a.year).join(', ')})`;
  if (act.repealed && !AS_HISTORY.test(`${m.sentence} ${m.next}`)) return `${where} names the ${m.title} ${m.year}, which has been repealed, as if it were current: say what replaced it`;
  return undefined;
}

describe('Acts of Parliament', () => {
  it('the checker finds titles across line breaks, and the year after a comma', () => {
    expect(actMentions('under the Representation of the\n People Act\n 1983, a false')).toMatchObject([{ title: 'Representation of the People Act', year: 1983 }]);
    expect(actMentions('(Localism Act, 2011)')[0]).toMatchObject({ title: 'Localism Act', year: 2011 });
    expect(actMentions('Act before it can be taken down. The Act also says')).toEqual([]);
  });

  it('the checker refuses a wrong year, a missing year, an unknown title and a repealed Act presented as current', () => {
    const problems = (text: string) => actMentions(text, 'x').map(mentionProblem);
    expect(problems('the Localism Act 2012 says')[0]).toMatch(/not an Act of that title/);
    expect(problems('Breaching the Data Protection Act could')[0]).toMatch(/without its year/);
    expect(problems('the Defamation of Character Act 1952 says')[0]).toMatch(/Defamation of Character Act|not in the list/);
    expect(problems('follow the Data Protection Act 1998 principles.')[0]).toMatch(/repealed/);
    expect(problems('the Data Protection Act 1998 was replaced in 2018.')).toEqual([undefined]);
  });

  it('every Act named in the course is named by its current short title and year', () => {
    const root = contentRoot;
    const files = ['content', 'quizzes'].flatMap((dir) => textFiles(join(root, dir)));
    const problems = files.flatMap((file) => actMentions(readFileSync(file, 'utf8'), relative(root, file)).map(mentionProblem)).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });
});
