/** A pack's `rules.yaml`: every rule in its policy, with a stable ID. */
import { z } from 'zod';
import { RuleIdSchema } from './lesson.ts';

export const RuleSchema = z.strictObject({
  /** Stable ID used by lessons, questions and stored results. */
  id: RuleIdSchema,
  /** A short name, such as "Bias and predetermination", shown where a reply breaks the rule; without one the rule itself is shown. */
  title: z.string().trim().min(1).max(80, { error: 'keep a title to 80 characters' }).optional(),
  /** The policy section it comes from. */
  section: z.string().trim().min(1),
  /** The rule, paraphrased. */
  rule: z.string().trim().min(1),
  /** Whether the course must assess it, not only teach it. */
  assessed: z.boolean(),
});

export const RulesFileSchema = z.strictObject({
  /** Every rule of the policy, each ID once. */
  rules: z.array(RuleSchema).min(1),
}).refine((file) => new Set(file.rules.map((r) => r.id)).size === file.rules.length, {
  error: 'each rule ID must appear only once',
  path: ['rules'],
});

export type Rule = z.infer<typeof RuleSchema>;
