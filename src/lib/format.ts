/** How dates and versions read to members: UK English, UTC, no invented precision. */

const MONTH_ONLY = /^\d{4}-\d{2}$/;

/** "2017-11-16" → "16 November 2017"; "2018-05" → "May 2018". */
export function formatDate(isoDate: string): string {
  const monthOnly = MONTH_ONLY.test(isoDate);
  const date = new Date(`${monthOnly ? `${isoDate}-01` : isoDate.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', {
    ...(monthOnly ? {} : { day: 'numeric' }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "3" → "Version 3"; a version that is already words ("November 2017") stays as it is. */
export function formatVersion(version: string): string {
  return /^\d[\d.]*$/.test(version) ? `Version ${version}` : version;
}

/**
 * A source document's date in plain English: "16 November 2017", "May 2018", "2017",
 * "about 2017" (approximate) or "undated".
 */
export function formatDocumentDate(date: string | { approx: true; year: number } | null): string {
  if (date === null) return 'undated';
  if (typeof date === 'object') return `about ${date.year}`;
  return /^\d{4}$/.test(date) ? date : formatDate(date);
}

/** `"Social Media Policy" (Version 3, May 2018)`-style list of documents: `A (Version 3, May 2018) and B (undated)`. */
export function formatDocuments(documents: readonly { title: string; version: string; date: Parameters<typeof formatDocumentDate>[0] }[]): string {
  const each = documents.map((d) => `${d.title} (${formatVersion(d.version)}, ${d.date === null ? 'undated' : `dated ${formatDocumentDate(d.date)}`})`);
  return each.length <= 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}

/** A typed name or email as compared: Unicode-normalised, trimmed, case ignored. */
export const nameKey = (text: string): string => text.normalize('NFC').trim().toLocaleLowerCase('en-GB');

/** Whether two typed names are the same name (see `nameKey`). */
export const sameName = (a: string | null | undefined, b: string | null | undefined): boolean => !!a && !!b && nameKey(a) === nameKey(b);
