import { describe, expect, it } from 'vitest';
import { parseRoster, type RosterProblem } from '../../src/lib/roster.ts';

const PACKS = ['core', 'planning', 'licensing'] as const;
const HEADER = 'Name,Email,Role,Ward or committee,Course pack,Induction due date';

function problemsOf(csv: string): RosterProblem[] {
  const result = parseRoster(csv, PACKS);
  if (result.ok) throw new Error('expected the roster to be rejected');
  expect(result).not.toHaveProperty('members');
  return result.problems;
}

describe('parseRoster: a good roster', () => {
  it('parses every member exactly, keeping names as typed and normalising the rest', () => {
    const csv = [
      '\uFEFF  NAME , E-mail ,ROLE, Ward ,Pack, Due Date ',
      '  Siân Ŵyn Llŷr  , SIAN.LLYR@Example.GOV.UK ,Councillor,  Llanbadarn Fawr  , CORE ,2026-03-05',
      '"Zoë Brontë-Ó Dálaigh",zoe@example.org,  Co-opted   Member ,"Standards Committee, Audit",Planning,05/04/2026',
      '',
      '=HYPERLINK("x"),plus@example.org,co-opted,+1,licensing,1/9/2026',
      '"O\'Brien, Pat ""Paddy""",pat@example.org,coopted member,Town,core,2026-12-31',
      '"=HYPERLINK(""y"")",jo@example.org,Councillor,-2,core,28/02/2026',
      'Jo "Jojo" Jones,jones@example.org,councillor,@Town,core,2026-02-28',
    ].join('\r\n');
    expect(parseRoster(csv, PACKS)).toEqual({
      ok: true,
      members: [
        { name: 'Siân Ŵyn Llŷr', email: 'sian.llyr@example.gov.uk', role: 'councillor', wardOrCommittee: 'Llanbadarn Fawr', pack: 'core', dueDate: '2026-03-05' },
        { name: 'Zoë Brontë-Ó Dálaigh', email: 'zoe@example.org', role: 'co-opted member', wardOrCommittee: 'Standards Committee, Audit', pack: 'planning', dueDate: '2026-04-05' },
        { name: '=HYPERLINK("x")', email: 'plus@example.org', role: 'co-opted member', wardOrCommittee: '+1', pack: 'licensing', dueDate: '2026-09-01' },
        { name: 'O\'Brien, Pat "Paddy"', email: 'pat@example.org', role: 'co-opted member', wardOrCommittee: 'Town', pack: 'core', dueDate: '2026-12-31' },
        { name: '=HYPERLINK("y")', email: 'jo@example.org', role: 'councillor', wardOrCommittee: '-2', pack: 'core', dueDate: '2026-02-28' },
        { name: 'Jo "Jojo" Jones', email: 'jones@example.org', role: 'councillor', wardOrCommittee: '@Town', pack: 'core', dueDate: '2026-02-28' },
      ],
    });
  });

  it('accepts the other header spellings and columns in any order, ignoring extra columns', () => {
    const csv = 'due,notes,committee,course,ROLE,email,name\n2026-01-01,hi,Audit,core,councillor,a@b.org,Ann\n';
    const result = parseRoster(csv, ['CORE']);
    expect(result).toEqual({
      ok: true,
      members: [{ name: 'Ann', email: 'a@b.org', role: 'councillor', wardOrCommittee: 'Audit', pack: 'core', dueDate: '2026-01-01' }],
    });
  });

  it('parses 2,000 generated members in under 5 seconds', () => {
    const lines = [HEADER];
    for (let i = 1; i <= 2000; i++) {
      lines.push(`Aelod ${i} Siân,member${i}@example.gov.uk,${i % 3 ? 'councillor' : 'co-opted member'},Ward ${i},${PACKS[i % 3]},${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2027`);
    }
    const started = performance.now();
    const result = parseRoster(lines.join('\n'), PACKS);
    const elapsed = performance.now() - started;
    console.info(`parseRoster: 2,000 members in ${elapsed.toFixed(1)} ms`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.members).toHaveLength(2000);
      expect(result.members[1999]).toEqual({
        name: 'Aelod 2000 Siân', email: 'member2000@example.gov.uk', role: 'councillor', wardOrCommittee: 'Ward 2000', pack: 'licensing', dueDate: '2027-03-13',
      });
    }
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('parseRoster: a roster with problems', () => {
  const csv = [
    HEADER,
    'Good Person,good@example.org,councillor,North,core,2026-01-10', // row 2: fine
    ',missing@example.org,councillor,North,core,2026-01-10', // row 3: no name
    'Bob,bob@,councillor,North,core,2026-01-10', // row 4: bad email
    'Cat,cat@example.org,councillor,North,finance,2026-01-10', // row 5: unknown pack
    'Dai,dai@example.org,mayor,North,core,2026-01-10', // row 6: unknown role
    'Eve,eve@example.org,councillor,North,core,31/02/2026', // row 7: impossible date
    'Fay,GOOD@example.org,councillor,North,core,2026-01-10', // row 8: duplicate of row 2
    'Gwyn,gwyn@example.org,councillor,North,core', // row 9: too few columns
    '<b>Hal</b>,hal@,alderman,,nope,2026-13-01', // row 10: several problems at once
    'Ian,ian@example.org,councillor,North,core,2026-01-10,extra', // row 11: too many columns
  ].join('\n');

  it('lists every problem of every row by row number, and returns no members', () => {
    const problems = problemsOf(csv);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 3: name is missing',
      'Row 4: email "bob@" is not a valid email address',
      'Row 5: course pack "finance" is not a course pack on this site; the packs are "core", "planning", "licensing"',
      'Row 6: role "mayor" is not recognised; use "councillor" or "co-opted member"',
      'Row 7: induction due date "31/02/2026" is not a real date written as YYYY-MM-DD or DD/MM/YYYY',
      'Row 8: email "GOOD@example.org" is already used on row 2',
      'Row 9: this row has 5 columns but the header has 6 (line 9 of the file); check for a missing or extra comma',
      'Row 10: ward or committee is missing',
      'Row 10: name "<b>Hal</b>" must not contain < or >',
      'Row 10: email "hal@" is not a valid email address',
      'Row 10: role "alderman" is not recognised; use "councillor" or "co-opted member"',
      'Row 10: course pack "nope" is not a course pack on this site; the packs are "core", "planning", "licensing"',
      'Row 10: induction due date "2026-13-01" is not a real date written as YYYY-MM-DD or DD/MM/YYYY',
      'Row 11: this row has 7 columns but the header has 6 (line 11 of the file); check for a missing or extra comma',
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'name'], [4, 'email'], [5, 'pack'], [6, 'role'], [7, 'dueDate'], [8, 'email'], [9, undefined],
      [10, 'wardOrCommittee'], [10, 'name'], [10, 'email'], [10, 'role'], [10, 'pack'], [10, 'dueDate'], [11, undefined],
    ]);
  });

  it('refuses line breaks, NULs, text-direction marks and other invisible characters in names and wards (security review row 19)', () => {
    const csv = [HEADER, 'Evil\u202Eredro,a@example.org,councillor,Ward,core,2027-01-01', '"Line\n=1+1",b@example.org,councillor,Ward,core,2027-01-01',
      'Nul\u0000Name,c@example.org,councillor,Ward\u200B D,core,2027-01-01', 'Siân Ŵyn Llŷr,d@example.org,councillor,Ward E,core,2027-01-01',
      // A zero-width non-joiner between two letters is part of some Persian, Urdu and Bengali spellings; alone, it is refused.
      'فاطمه\u200Cزاده,e@example.org,councillor,Ward F,core,2027-01-01', '\u200CAlice \u200DBrown,f@example.org,councillor,Ward G,core,2027-01-01'].join('\n');
    const problems = problemsOf(csv);
    expect(problems.map((p) => `${p.row}:${p.field}`)).toEqual(['2:name', '3:name', '4:name', '4:wardOrCommittee', '7:name']);
    expect(problems[0]!.message).toContain('must not contain line breaks, text-direction marks or other invisible characters');
    expect(problems[0]!.message).not.toContain('\u202E');
  });

  it('rejects other impossible or badly written dates and over-long values', () => {
    const rows = ['29/02/2027', '2026-02-30', '2026-1-5', '5 March 2026', '00/01/2026'].map(
      (date, i) => `Name ${i},p${i}@example.org,councillor,Ward,core,${date}`,
    );
    rows.push(`${'a'.repeat(101)},long@example.org,councillor,${'w'.repeat(121)},core,29/02/2028`);
    const problems = problemsOf([HEADER, ...rows].join('\n'));
    expect(problems.map((p) => `${p.row}:${p.field}`)).toEqual(['2:dueDate', '3:dueDate', '4:dueDate', '5:dueDate', '6:dueDate', '7:name', '7:wardOrCommittee']);
    expect(problems[5]!.message).toMatch(/^Row 7: name "a+\.\.\." is longer than 100 characters$/);
  });

  it('reports a broken quotation as a problem, not an exception, and still checks the rows before it', () => {
    const problems = problemsOf([
      HEADER,
      'Ann,ann@,councillor,North,core,2026-01-01',
      'Bea,bea@example.org,councillor,"North"x,core,2026-01-01',
      'Cai,cai@,councillor,North,core,2026-01-01',
    ].join('\n'));
    expect(problems).toEqual([
      { row: 2, field: 'email', message: 'Row 2: email "ann@" is not a valid email address' },
      { row: 3, message: 'Row 3: this row has a quotation mark in the wrong place (line 3 of the file), so any rows after it could not be checked' },
    ]);
    expect(problemsOf(`${HEADER}\n"Ann,ann@example.org,councillor,North,core,2026-01-01\n`)).toEqual([
      { row: 2, message: 'Row 2: this row has a quotation mark that is never closed (line 2 of the file), so any rows after it could not be checked' },
    ]);
  });
});

describe('parseRoster: row numbers as a spreadsheet shows them', () => {
  it('calls the header row 1 and the first member row 2, and counts blank rows (above the header too) and a cell over two lines as one row', () => {
    const csv = ['', HEADER, 'Ann,ann@,councillor,North,core,2026-01-01', '', ',,,,,', '"Bea\nBee",bea@example.org,councillor,North,core,2026-01-01', 'Cai,cai@,councillor,North,core,2026-01-01'].join('\r\n');
    expect(problemsOf(csv).map((p) => `${p.row}:${p.field}`)).toEqual(['3:email', '6:name', '7:email']);
    expect(problemsOf([HEADER, 'Ann,ann@,councillor,North,core,2026-01-01'].join('\n'))[0]!.message).toBe('Row 2: email "ann@" is not a valid email address');
  });
});

describe('parseRoster: files that cannot be a roster', () => {
  it('names every missing header column in one problem at row 1', () => {
    const problems = problemsOf('Name,Email address,Ward\nAnn,ann@example.org,North\n');
    expect(problems).toEqual([{ row: 1, message: 'The header row is missing the columns "role", "course pack", "induction due date"' }]);
    expect(problemsOf('name,email,role,ward,pack\n')).toEqual([{ row: 1, message: 'The header row is missing the column "induction due date"' }]);
  });

  it('says the file has no members when it is empty or only has a header', () => {
    for (const csv of ['', '\uFEFF', '\n\n  \r\n', HEADER, `${HEADER}\r\n\r\n,,,,,\r\n`]) {
      expect(parseRoster(csv, PACKS)).toEqual({ ok: false, problems: [{ row: 1, message: 'The file has no members' }] });
    }
  });

  it('refuses more than 10,000 members with a single problem', () => {
    const row = (i: number) => `M ${i},m${i}@example.org,councillor,Ward,core,2026-01-01`;
    const lines = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => row(i))];
    expect(parseRoster(lines.join('\n'), PACKS).ok).toBe(true);
    lines.push(row(10_000));
    expect(parseRoster(lines.join('\n'), PACKS)).toEqual({
      ok: false,
      problems: [{ row: 1, message: 'The file has more than 10,000 members; split it into smaller files' }],
    });
  });
});
