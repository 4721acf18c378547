import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDate, csvTime, looksConvertible, neutralise, toCsv } from '../../src/lib/csv.ts';
import { parseRoster, sampleRoster } from '../../src/lib/roster.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

describe('neutralise', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=', '-'])('prefixes %j with a single quote', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
  });

  it.each(['Zoë', "O'Brien", '', ' =1', 'Siân Ŵyn Llŷr', 'a=b', "'=already", '3', '3.1', 'Ward 7', 'May', 'Mayfield 2', 'St Mary 3rd', 'Marsh Lane'])('leaves %j unchanged', (cell) => {
    expect(neutralise(cell)).toBe(cell);
  });
});

describe('toCsv', () => {
  const header = ['Name', 'Ward', '=Score'];
  const rows = [
    ['=HYPERLINK("http://x","y")', '+1', '-2'],
    ['@SUM(A1)', '\tx', '\rx'],
    ['Smith, Jane', 'She said "hello"', 'line one\nline two\r\nline three'],
    ['Siân Ŵyn Llŷr', 'Zoë Brontë-Ó Dálaigh', "O'Brien"],
    [42, -7, null],
    [undefined, 0, '1-2'],
  ] as const;

  const text = toCsv(header, rows);
  const parsed = parse(text, { bom: true }) as string[][];

  it('starts with a UTF-8 byte-order mark', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.charCodeAt(1)).not.toBe(0xfeff);
  });

  it('reads back as the neutralised cells, header included', () => {
    expect(parsed).toEqual([
      ['Name', 'Ward', "'=Score"],
      ['\'=HYPERLINK("http://x","y")', "'+1", "'-2"],
      ["'@SUM(A1)", "'\tx", "'\rx"],
      ['Smith, Jane', 'She said "hello"', 'line one\nline two\r\nline three'],
      ['Siân Ŵyn Llŷr', 'Zoë Brontë-Ó Dálaigh', "O'Brien"],
      ['42', "'-7", ''],
      ['', '0', "'1-2"],
    ]);
  });

  it('leaves no cell starting with a formula character', () => {
    for (const cell of parsed.flat()) expect(cell).not.toMatch(FORMULA_START);
  });

  it('ends every record with CRLF and quotes only when needed', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('\uFEFFName,Ward,\'=Score');
    expect(text).toContain('\r\n"\'=HYPERLINK(""http://x"",""y"")",\'+1,\'-2\r\n');
    expect(text).toContain('\r\n42,\'-7,\r\n');
    expect(text).toContain('"Smith, Jane","She said ""hello""","line one\nline two\r\nline three"\r\n');
    expect(text).toContain('"\'\rx"\r\n');
    expect(text.endsWith(",0,'1-2\r\n")).toBe(true);
    // Outside quoted cells there is no bare LF: every record delimiter is CRLF.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/(?<!\r)\n/)).toBeNull();
  });

  it('writes just the header for no rows', () => {
    expect(toCsv(['Name', 'Email'], [])).toBe('\uFEFFName,Email\r\n');
  });

  it('quotes a cell holding ";", so a spreadsheet that separates with ";" cannot split out a formula (security review row 20)', () => {
    const text = toCsv(['Name', 'Ward'], [['Ann', "Ward;=cmd|' /C calc'!A0"]]);
    expect(text.split('\r\n')[1]).toBe('Ann,"Ward;=cmd|\' /C calc\'!A0"');
    expect(parse(text, { bom: true })[1]).toEqual(['Ann', "Ward;=cmd|' /C calc'!A0"]);
  });
});

describe('text a spreadsheet would turn into a date or another number stays text', () => {
  it.each(['November 2017', 'Nov-17', '5 March', '3 Mar 2026', 'Sept 2020', '1-2', '2017-11', '3/4/26', '1.2.2026', '10:30', '3.10', '007', '1E5', '12345678901234567', '50%'])(
    'prefixes %j with a single quote', (cell) => {
      expect(looksConvertible(cell)).toBe(true);
      expect(neutralise(cell)).toBe(`'${cell}`);
    });

  it('writes the exact bytes: the policy version "November 2017" as text, dates as ISO dates, times as UK local time', () => {
    const text = toCsv(['Name', 'Policy version', 'Due', 'Signed at (UK time)', 'Winter', 'Score'], [
      ['Ann', 'November 2017', csvDate('2026-06-30'), csvTime('2026-07-01T23:30:00.000Z'), csvTime('2026-01-01T23:30:00.000Z'), 90],
      ['Bea', '3', csvDate(null), csvTime(null), csvTime('not a time'), null],
    ]);
    expect(text).toBe("\uFEFFName,Policy version,Due,Signed at (UK time),Winter,Score\r\nAnn,'November 2017,2026-06-30,2026-07-02 00:30,2026-01-01 23:30,90\r\nBea,3,,,,\r\n");
  });

  it('takes only the calendar day for a date, and nothing that is not one', () => {
    expect(csvDate('2026-06-30T22:00:00Z')).toEqual({ spreadsheet: '2026-06-30' });
    expect(csvDate('=1+1')).toBeNull();
  });
});

describe('the sample roster', () => {
  it('imports as it is downloaded: two members, due dates as dates', () => {
    const { header, rows } = sampleRoster(['wyre', 'ashfield']);
    const text = toCsv(header, rows);
    expect(text.split('\r\n')[0]).toBe('\uFEFFname,email,role,ward or committee,course pack,induction due date');
    expect(text).toContain('Alex Example,alex.example@example.org,councillor,North ward,wyre,2027-06-30\r\n');
    const parsed = parseRoster(text, ['wyre', 'ashfield']);
    expect(parsed.ok && parsed.members.map((m) => [m.role, m.dueDate])).toEqual([['councillor', '2027-06-30'], ['co-opted member', '2027-06-30']]);
  });
});

describe('the hand-written writer and UK times (fast enough for 100,000 members)', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'ë', ' ', ',', ';', '"', "'", '\r', '\n', '=', '-', '1', '/', '\t', '@') });
  it('writes the bytes csv-stringify wrote', () => {
    fc.assert(fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
      const cells = rows.map((r) => r.map(neutralise));
      const expected = stringify(cells, { record_delimiter: '\r\n', quote_record_delimiter: true, quoted_match: /;/, escape_formulas: false });
      expect(toCsv(['h'], rows)).toBe(`\uFEFFh\r\n${expected}`);
    }), { numRuns: 500 });
  });

  const uk = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });
  const byIntl = (ms: number) => {
    const p = Object.fromEntries(uk.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
  it('gives each time as Intl does, across the clocks changing', () => {
    const changes = ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:00Z', '2026-10-25T01:00:00Z', '2026-10-25T01:59:59Z', '1999-12-31T23:59:59Z'];
    for (const iso of changes) expect(csvTime(iso)!.spreadsheet).toBe(byIntl(Date.parse(iso)));
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      expect(csvTime(new Date(ms).toISOString())!.spreadsheet).toBe(byIntl(ms));
    }), { numRuns: 3000 });
  });
});
