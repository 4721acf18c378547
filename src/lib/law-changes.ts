/**
 * "Since this policy was written": the law and codes that changed after a pack's policy (issue 14),
 * from `content/law-changes.yaml`. Pure: the pages pass in the changes and the pack's documents.
 */
import { z } from 'zod';
import type { DocumentDate } from '../schemas/pack.ts';

export const LawChangesSchema = z.strictObject({
  changes: z.array(z.strictObject({
    /** When it took effect: YYYY-MM-DD, or YYYY-MM where only the month is sure. */
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'expected a date written as YYYY-MM-DD (or YYYY-MM)' }),
    title: z.string().trim().min(1),
    /** What it means for a councillor; may name `{officer}`. */
    text: z.string().trim().min(1),
  })).min(1),
});

export type LawChange = z.infer<typeof LawChangesSchema>['changes'][number];

/** The first day a document's date could mean: "2018" is 2018-01-01, "2018-05" is 2018-05-01; undated is unknown. */
export function earliestDay(date: DocumentDate): string | undefined {
  if (date === null) return undefined;
  if (typeof date === 'object') return `${date.year}-01-01`;
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/**
 * The changes a learner of these documents should know about: those on or after the earliest of the
 * documents' first possible days (a change in the policy's own month is shown, since the policy may
 * not reflect it). With any undated document, every change is shown.
 */
export function changesSince(documents: readonly { date: DocumentDate }[], changes: readonly LawChange[]): { changes: LawChange[]; undated: boolean } {
  const days = documents.map((d) => earliestDay(d.date));
  if (days.some((d) => d === undefined)) return { changes: [...changes], undated: true };
  const since = days.sort()[0]!;
  return { changes: changes.filter((c) => c.date >= since).sort((a, b) => a.date.localeCompare(b.date)), undated: false };
}
