/**
 * A pack's final-assessment bank (`quizzes/<pack>/assessment.yaml`). Read only on the server: the
 * answer key (which options are correct, feedback and explanations) never reaches the browser
 * before the learner submits.
 */
import { z } from 'zod';
import { QuestionSchema } from './check.ts';

const NodeIdSchema = z.string().regex(/^(q|o)-[a-z0-9-]+$/, { error: 'expected a flowchart question or outcome ID such as "q-unlawful"' });

export const AssessmentQuestionSchema = QuestionSchema.safeExtend({
  /** `decision`: a post and a step of the "should I respond?" flowchart; `rule`: a rule of the policy. */
  kind: z.enum(['decision', 'rule']),
  /** For decision questions: the flowchart node the question is about. */
  node: NodeIdSchema.optional(),
  /** Shown with the results: why the right answer is right (1-3 sentences). */
  explanation: z.string().trim().min(1, { error: 'must not be empty' }).max(500, { error: 'keep this to 500 characters' }),
}).refine((q) => (q.kind === 'decision') === (q.node !== undefined), {
  error: 'a decision question names its flowchart node; a rule question does not',
  path: ['node'],
});

export const AssessmentFileSchema = z.strictObject({
  /** The bank an attempt draws from: at least 24 questions. */
  questions: z.array(AssessmentQuestionSchema).min(24, { error: 'the bank needs at least 24 questions' }),
});

export type AssessmentQuestion = z.infer<typeof AssessmentQuestionSchema>;
export type AssessmentFile = z.infer<typeof AssessmentFileSchema>;
