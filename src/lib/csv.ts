/**
 * Writing CSV that is safe to open in a spreadsheet and reads back as it was written: every cell is
 * neutralised against formula ("CSV") injection, text a spreadsheet would silently turn into a date or
 * a shorter number ("November 2017", "1-2", "007") is kept as text, dates and times are written as
 * ISO dates a spreadsheet recognises and sorts, records end with CRLF, and a byte-order mark makes
 * Excel read the file as UTF-8 so accented and Welsh names show correctly.
 */

/** First characters a spreadsheet may treat as the start of a formula (OWASP CSV injection advice). */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const PART = `(?:${MONTH}|\\d{1,4}(?:st|nd|rd|th)?)`;
/** Cells made only of a month name and numbers ("November 2017", "5 Mar", "Jan-26"): Excel and LibreOffice read them as dates. */
const MONTH_DATE = new RegExp(`^${PART}(?:[\\s,./-]+${PART})+$`, 'i');
/** Numbers with separators that read as a date or a time: "1-2", "2017-11", "3/4/26", "1.2.2026", "10:30". */
const NUMERIC_DATE = /^(?:\d{1,4}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{1,4})?|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)$/i;
/** Numbers a spreadsheet would shorten or round: leading zeros, trailing decimal zeros, over 15 digits, "1E5". */
const LOSSY_NUMBER = /^(?:0\d+(?:\.\d+)?|\d*\.\d*0|\d{16,}|\d+(?:\.\d+)?e[+-]?\d+|\d+\s*%)$/i;

/** Whether a spreadsheet opening the CSV would turn this text into a date, a time or a different number. */
export function looksConvertible(cell: string): boolean {
  const text = cell.trim();
  if (!/\d/.test(text)) return false;
  return NUMERIC_DATE.test(text) || LOSSY_NUMBER.test(text) || (MONTH_DATE.test(text) && new RegExp(MONTH, 'i').test(text));
}

/**
 * Prefixes with a single quote a cell that a spreadsheet could read as a formula, a date or a
 * changed number, so it stays the text it was; leaves others unchanged.
 */
export function neutralise(cell: string): string {
  return cell.length > 0 && (DANGEROUS_FIRST.has(cell[0]!) || looksConvertible(cell)) ? `'${cell}` : cell;
}

/** A date or time written as the spreadsheet's own date value (see `csvDate`, `csvTime`). */
export interface SpreadsheetDate {
  readonly spreadsheet: string;
}

/** A calendar date (YYYY-MM-DD, or an ISO time's UTC day): a spreadsheet reads it as a date and sorts it. */
export function csvDate(iso: string | null | undefined): SpreadsheetDate | null {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso ?? '')?.[0];
  return day ? { spreadsheet: day } : null;
}

const UK_PARTS = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London',
});

/** The UK's offset from UTC in minutes at `ms`, and the local time's parts, as Intl gives them. */
function ukParts(ms: number): { offset: number; text: string } {
  const p = Object.fromEntries(UK_PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return { offset: Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000), text: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` };
}

const DAY_MS = 86_400_000;
/** Per UTC day, the UK offset when it is the same at the day's first and last minute (the clocks change at most once a day), else null. */
const dayOffsets = new Map<number, number | null>();
const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO time as UK local time, "2026-11-25 14:05" (GMT or BST as it was then): a spreadsheet reads it as a date and time. */
export function csvTime(iso: string | null | undefined): SpreadsheetDate | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return null;
  // Formatting each time with Intl took half of a large export: the offset is looked up once per day.
  const day = Math.floor(ms / DAY_MS);
  let offset = dayOffsets.get(day);
  if (offset === undefined) {
    const first = ukParts(day * DAY_MS).offset;
    offset = first === ukParts((day + 1) * DAY_MS - 60_000).offset ? first : null;
    dayOffsets.set(day, offset);
  }
  const local = offset === null ? undefined : new Date(ms + offset * 60_000);
  if (!local || local.getUTCFullYear() < 1000 || local.getUTCFullYear() > 9999) return { spreadsheet: ukParts(ms).text };
  return { spreadsheet: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` };
}

export type Cell = string | number | SpreadsheetDate | null | undefined;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.spreadsheet;
  return neutralise(typeof value === 'number' ? String(value) : value);
}

/** A field that must be quoted: it holds the separator, a quote or a line break, or ";" (see below). */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * Rows as CSV records, every text cell neutralised, quoted when needed, CRLF after each: pieces of a
 * file `toCsv` would write. Written by hand, byte for byte as csv-stringify wrote them (csv.test.ts
 * checks), because csv-stringify took most of the time of a 20,000-member export.
 */
export function csvRecords(rows: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const row of rows) {
    let record = '';
    for (let i = 0; i < row.length; i++) {
      const text = cellText(row[i]);
      // A spreadsheet whose list separator is ";" would split `Ward;=cmd|…` into a live formula:
      // quoted, it stays one cell of text (security review row 20).
      record += (i ? ',' : '') + (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
    }
    out += `${record}\r\n`;
  }
  return out;
}

/** The byte-order mark that makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

/** Header and rows as CSV text: BOM first, then `csvRecords`. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${BOM}${csvRecords([header, ...rows])}`;
}
