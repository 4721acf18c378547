import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../src/lib/csv.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

describe('neutralise', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=', '-'])('prefixes %j with a single quote', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
  });

  it.each(['Zoë', "O'Brien", '', '1-2', ' =1', 'Siân Ŵyn Llŷr', 'a=b', "'=already"])('leaves %j unchanged', (cell) => {
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
      ['', '0', '1-2'],
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
