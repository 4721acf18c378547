/** A lesson's MDX frontmatter. Reading time, order and neighbours are computed, never typed. */
import { z } from 'zod';

/** A rule ID from the pack's `rules.yaml`, e.g. "W-4.1" or "A-FAQ3". */
export const RuleIdSchema = z.string().regex(/^[A-Z]+-[A-Z0-9.]+$/, { error: 'expected a rule ID such as "W-4.1"' });

export const LessonSchema = z.strictObject({
  /** The lesson's heading, sentence case. */
  title: z.string().trim().min(1).max(80, { error: 'keep titles to 80 characters' }),
  /** One sentence: the lesson's key takeaway, shown on the contents page and at the end. */
  summary: z.string().trim().min(1).max(160, { error: 'keep the summary to one sentence of 160 characters or fewer' }),
  /** Where in the policy the lesson comes from, as a reader would cite it. */
  source: z.string().trim().min(1).max(120),
  /** The rule IDs this lesson teaches. */
  rules: z.array(RuleIdSchema).min(1, { error: 'list at least one rule ID the lesson teaches' }),
  /**
   * What changed in this lesson's text since the last published version, in a sentence or two for
   * members re-signing ("What changed since you signed"). Update it whenever the lesson's words change.
   */
  changes: z.string().trim().min(1).max(400, { error: 'keep the change note to 400 characters' }).optional(),
});

export type Lesson = z.infer<typeof LessonSchema>;
