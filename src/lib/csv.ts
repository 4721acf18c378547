/**
 * Writing CSV that is safe to open in a spreadsheet: every cell is neutralised against
 * formula ("CSV") injection, records end with CRLF, and a byte-order mark makes Excel
 * read the file as UTF-8 so accented and Welsh names show correctly.
 */
import { stringify } from 'csv-stringify/sync';

/** First characters a spreadsheet may treat as the start of a formula (OWASP CSV injection advice). */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Prefixes a cell that a spreadsheet could read as a formula with a single quote; leaves others unchanged. */
export function neutralise(cell: string): string {
  return cell.length > 0 && DANGEROUS_FIRST.has(cell[0]!) ? `'${cell}` : cell;
}

type Cell = string | number | null | undefined;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  return neutralise(typeof value === 'number' ? String(value) : value);
}

/** Header and rows as CSV text: BOM first, every cell neutralised, quoted when needed, CRLF after each record. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const records = [header.map(cellText), ...rows.map((row) => row.map(cellText))];
  const body = stringify(records, {
    record_delimiter: '\r\n',
    quote_record_delimiter: true,
    // A spreadsheet whose list separator is ";" would split `Ward;=cmd|…` into a live formula:
    // quoted, it stays one cell of text (security review row 20).
    quoted_match: /;/,
    escape_formulas: false,
  });
  return `\uFEFF${body}`;
}
