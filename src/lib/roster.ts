/**
 * Reading a Monitoring Officer's roster CSV (who must take which course pack, and by when).
 * Every problem in every row is collected and described in plain UK English so the officer
 * can fix the whole spreadsheet in one go. Values are kept as typed (after trimming):
 * neutralising spreadsheet formulas is the exporter's job (see csv.ts).
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { z } from 'zod';
import { INVISIBLE } from '../schemas/sign-off.ts';

export interface RosterMember {
  name: string;
  email: string;
  role: 'councillor' | 'co-opted member';
  wardOrCommittee: string;
  pack: string;
  dueDate: string; // YYYY-MM-DD
}

/**
 * `row` is the row a spreadsheet shows the line on: the header is row 1, so the first member is row 2.
 * Blank rows count, as they do in the spreadsheet, so the number matches what the officer sees.
 */
export interface RosterProblem { row: number; field?: string; message: string }

export type RosterResult = { ok: true; members: RosterMember[] } | { ok: false; problems: RosterProblem[] };

type Field = keyof RosterMember;

export const MAX_ROSTER_ROWS = 10_000;

/** Accepted header names for each field, lower case; the first is the one we ask for. */
const HEADERS: Record<Field, readonly string[]> = {
  name: ['name'],
  email: ['email', 'email address', 'e-mail'],
  role: ['role'],
  wardOrCommittee: ['ward or committee', 'ward', 'committee', 'ward_or_committee'],
  pack: ['course pack', 'pack', 'course'],
  dueDate: ['induction due date', 'due date', 'due'],
};
const FIELDS = Object.keys(HEADERS) as Field[];
const LABEL = Object.fromEntries(FIELDS.map((f) => [f, HEADERS[f][0]])) as Record<Field, string>;

const ROLES = new Map<string, RosterMember['role']>([
  ['councillor', 'councillor'],
  ['co-opted member', 'co-opted member'],
  ['coopted member', 'co-opted member'],
  ['co-opted', 'co-opted member'],
]);
const emailSchema = z.email();
const TooManyRows = Symbol('too many rows');

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const shown = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;

/** "2026-03-05" or UK "05/03/2026" (or "5/3/2026") → "2026-03-05"; anything else, or an impossible date, → null. */
export function toIsoDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Plain-English reason a row could not be read; after anything but a column-count slip, csv-parse cannot resynchronise. */
function readError(err: CsvError | undefined, expected: number): { message: string; stop: boolean } {
  const line = typeof err?.lines === 'number' ? ` (line ${err.lines} of the file)` : '';
  if (err?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const got = Array.isArray(err.record) ? err.record.length : 'a different number of';
    return { message: `has ${got} columns but the header has ${expected}${line}; check for a missing or extra comma`, stop: false };
  }
  const what = err?.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quotation mark that is never closed'
    : /QUOTE/.test(err?.code ?? '') ? 'a quotation mark in the wrong place' : 'something that could not be read';
  return { message: `has ${what}${line}, so any rows after it could not be checked`, stop: true };
}

/** Parses and checks a roster; `packs` are the course packs this site offers. */
export function parseRoster(csvText: string, packs: readonly string[]): RosterResult {
  const rows: { row: number; cells: string[] }[] = [];
  const problems: RosterProblem[] = [];
  // Blank lines above the header: dropped before parsing (the parser would take one for the header), but counted.
  const lead = /^\uFEFF?(?:[ \t]*\r?\n)*/.exec(csvText)![0];
  const text = csvText.slice(lead.length);
  const first = lead.split('\n').length;
  let next = first - 1;
  let stopped = false;
  // Spreadsheet row numbers: the header is row 1.
  const take = () => {
    if (next > MAX_ROSTER_ROWS) throw TooManyRows;
    return ++next;
  };
  const blank = (cells: unknown) => Array.isArray(cells) && cells.every((c) => String(c).trim() === '');
  const fail = (row: number, err: unknown) => {
    const { message, stop } = readError(err as CsvError | undefined, rows[0]?.cells.length ?? 0);
    problems.push({ row, message: row > first ? `Row ${row}: this row ${message}` : `The header row ${message}` });
    stopped = stop;
  };
  try {
    parse(text, {
      // Blank rows are read (not skipped by the parser) only so that they are counted, then ignored.
      bom: true, trim: true, relax_column_count: false, relax_quotes: true, skip_records_with_error: true,
      on_record: (cells: string[]) => {
        const row = take();
        if (!stopped && !blank(cells)) rows.push({ row, cells });
        return null;
      },
      on_skip: (err) => {
        const row = take();
        if (!stopped && !blank(err?.record)) fail(row, err);
      },
    });
  } catch (err) {
    if (err === TooManyRows) {
      return { ok: false, problems: [{ row: 1, message: `The file has more than ${MAX_ROSTER_ROWS.toLocaleString('en-GB')} members; split it into smaller files` }] };
    }
    if (!stopped) fail(next, err);
  }

  const header = rows[0]?.row === first ? rows.shift()!.cells.map(squash) : null;
  if (!header) return { ok: false, problems: problems.length ? problems : [{ row: 1, message: 'The file has no members' }] };
  const column = {} as Record<Field, number>;
  const missing = FIELDS.filter((f) => (column[f] = header.findIndex((h) => HEADERS[f].includes(h))) < 0);
  if (missing.length > 0) {
    const names = missing.map((f) => `"${LABEL[f]}"`).join(', ');
    return { ok: false, problems: [{ row: 1, message: `The header row is missing ${missing.length === 1 ? 'the column' : 'the columns'} ${names}` }] };
  }
  if (rows.length === 0 && problems.length === 0) return { ok: false, problems: [{ row: 1, message: 'The file has no members' }] };

  const packSet = new Set(packs.map((p) => p.toLowerCase()));
  const firstRowOfEmail = new Map<string, number>();
  const members: RosterMember[] = [];
  for (const { row, cells } of rows) {
    const problem = (field: Field, message: string) => problems.push({ row, field, message: `Row ${row}: ${message}` });
    const value = Object.fromEntries(FIELDS.map((f) => [f, (cells[column[f]] ?? '').trim()])) as Record<Field, string>;
    const before = problems.length;
    for (const f of FIELDS) if (value[f] === '') problem(f, `${LABEL[f]} is missing`);

    const text = (f: 'name' | 'wardOrCommittee', max: number) => {
      if (value[f] === '') return;
      if ([...value[f]].length > max) problem(f, `${LABEL[f]} ${shown(value[f])} is longer than ${max} characters`);
      if (/[<>]/.test(value[f])) problem(f, `${LABEL[f]} ${shown(value[f])} must not contain < or >`);
      if (value[f].search(INVISIBLE) >= 0) problem(f, `${LABEL[f]} ${shown(value[f].replace(INVISIBLE, '?'))} must not contain line breaks, text-direction marks or other invisible characters`);
    };
    text('name', 100);
    text('wardOrCommittee', 120);

    const email = value.email.toLowerCase();
    if (email && (email.length > 254 || !emailSchema.safeParse(email).success)) {
      problem('email', `email ${shown(value.email)} is not a valid email address`);
    } else if (email) {
      const earlier = firstRowOfEmail.get(email);
      if (earlier !== undefined) problem('email', `email ${shown(value.email)} is already used on row ${earlier}`);
      else firstRowOfEmail.set(email, row);
    }
    const role = ROLES.get(squash(value.role));
    if (value.role && !role) problem('role', `role ${shown(value.role)} is not recognised; use "councillor" or "co-opted member"`);
    const pack = value.pack.toLowerCase();
    if (pack && !packSet.has(pack)) {
      const known = packs.length ? `; the packs are ${packs.map((p) => `"${p.toLowerCase()}"`).join(', ')}` : '';
      problem('pack', `course pack ${shown(value.pack)} is not a course pack on this site${known}`);
    }
    const dueDate = value.dueDate ? toIsoDate(value.dueDate) : null;
    if (value.dueDate && !dueDate) {
      problem('dueDate', `induction due date ${shown(value.dueDate)} is not a real date written as YYYY-MM-DD or DD/MM/YYYY`);
    }
    if (problems.length === before && role && dueDate) {
      members.push({ name: value.name, email, role, wardOrCommittee: value.wardOrCommittee, pack, dueDate });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return problems.length ? { ok: false, problems } : { ok: true, members };
}

/**
 * A roster to start from, offered on the import page: the header as the import asks for it and two
 * example members (one per role) on this site's first pack. Due dates are written as dates, so a
 * spreadsheet shows them as dates and saves them back in a form the import reads.
 */
export function sampleRoster(packs: readonly string[], dueDate = '2027-06-30'): { header: string[]; rows: (string | { spreadsheet: string })[][] } {
  const pack = packs[0] ?? 'your-pack';
  return {
    header: FIELDS.map((f) => LABEL[f]),
    rows: [
      ['Alex Example', 'alex.example@example.org', 'councillor', 'North ward', pack, { spreadsheet: dueDate }],
      ['Sam Sample', 'sam.sample@example.org', 'co-opted member', 'Audit Committee', pack, { spreadsheet: dueDate }],
    ],
  };
}
