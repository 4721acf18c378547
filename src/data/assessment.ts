/**
 * The final-assessment banks. Server only: imported by on-demand routes, never by a prerendered
 * page or an island, so the answer key is not in any client file.
 */
import { getEntry } from 'astro:content';
import type { AssessmentQuestion } from '../schemas/assessment.ts';

export async function getAssessmentBank(pack: string): Promise<AssessmentQuestion[]> {
  const entry = await getEntry('assessments', pack);
  if (!entry) throw new Error(`No assessment bank for pack "${pack}"`);
  return entry.data.questions;
}
