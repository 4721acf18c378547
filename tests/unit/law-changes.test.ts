/** "Since this policy was written" (issue 14): each pack lists the law and codes dated after its policy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changesSince, earliestDay, LawChangesSchema } from '../../src/lib/law-changes.ts';
import { loadPacks } from '../../src/lib/load.ts';
import { projectRoot } from '../support/packs.ts';

const { changes } = LawChangesSchema.parse(parse(readFileSync(join(projectRoot, 'content', 'law-changes.yaml'), 'utf8')));

describe('since this policy was written', () => {
  it('reads a document date as its first possible day; undated is unknown', () => {
    expect(earliestDay('2017-11-16')).toBe('2017-11-16');
    expect(earliestDay('2018-05')).toBe('2018-05-01');
    expect(earliestDay('2017')).toBe('2017-01-01');
    expect(earliestDay({ approx: true, year: 2019 })).toBe('2019-01-01');
    expect(earliestDay(null)).toBeUndefined();
  });

  it('lists the changes after the earliest document, oldest first; all of them for an undated policy', () => {
    const titles = (dates: Parameters<typeof earliestDay>[0][]) => changesSince(dates.map((date) => ({ date })), changes).changes.map((c) => c.date);
    expect(titles(['2017-11'])).toEqual(['2018-05-25', '2020-12', '2023-11-01', '2023-11-01', '2024-01-31', '2025-03-17', '2025-06-19']);
    // A policy of May 2018 may not reflect a change made that month: it is listed.
    expect(titles(['2018-05'])).toContain('2018-05-25');
    expect(titles(['2026-01-01'])).toEqual([]);
    expect(changesSince([{ date: '2024-05' }, { date: null }], changes)).toMatchObject({ undated: true, changes: expect.arrayContaining(changes) });
  });

  it('each shipped pack gets UK GDPR, the Model Code, imprints, the intimidation sanction and the Online Safety Act in its panel', () => {
    for (const { pack } of loadPacks(projectRoot)) {
      const shown = changesSince(pack.documents, changes).changes.map((c) => c.title);
      expect(shown, pack.id).toEqual(expect.arrayContaining([
        'GDPR (now the UK GDPR) and the Data Protection Act 2018', 'The LGA Model Councillor Code of Conduct 2020',
        'Elections Act 2022 (digital imprints)', 'Elections Act 2022 (intimidating candidates and office-holders)',
        'Online Safety Act 2023 (new offences)', 'Data (Use and Access) Act 2025',
      ]));
    }
  });
});
