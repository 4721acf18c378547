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
