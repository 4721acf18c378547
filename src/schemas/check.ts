/** A lesson's knowledge check (`quizzes/<pack>/checks/<part>/<lesson>.yaml`). */
import { z } from 'zod';
import { RuleIdSchema } from './lesson.ts';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `keep this to ${max} characters` });

export const OptionSchema = z.strictObject({
  /** The answer as shown. */
  text: text(200),
  /** Whether choosing it is right. */
  correct: z.boolean(),
  /** Shown after answering: why it is right or wrong. */
  feedback: text(400),
});

export const QuestionSchema = z
  .strictObject({
    /** Unique within the pack; stored with answers. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case ID' }),
    /** `single`: one right option; `multiple`: select all that apply. */
    type: z.enum(['single', 'multiple']),
    /** The question. */
    prompt: text(300),
    /** Rule IDs it assesses. */
    rules: z.array(RuleIdSchema).min(1, { error: 'list at least one rule ID the question assesses' }),
    /** 2 to 5 options. */
    options: z.array(OptionSchema).min(2).max(5),
    /** Optional practice: offered after the lesson's core question(s), not required on any route. */
    practice: z.boolean().optional(),
  })
  .refine((q) => q.type !== 'single' || q.options.filter((o) => o.correct).length === 1, {
    error: 'a single-choice question needs exactly one correct option',
    path: ['options'],
  })
  .refine((q) => q.options.some((o) => o.correct), { error: 'at least one option must be correct', path: ['options'] });

export const CheckFileSchema = z.strictObject({
  /** One to three questions on the lesson. */
  questions: z
    .array(QuestionSchema)
    .min(1)
    .max(3, { error: 'keep a knowledge check to three questions' })
    .refine((qs) => qs.some((q) => !q.practice), { error: 'at least one question must be required (not marked "practice: true")' }),
});

export type Question = z.infer<typeof QuestionSchema>;
export type CheckFile = z.infer<typeof CheckFileSchema>;
