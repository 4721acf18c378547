/**
 * A flowchart scenario (`quizzes/<pack>/scenarios/NN-slug.yaml`): a post (or, for an own-action
 * graph, the member's intention), its context, the canonical path through its graph, and the
 * drafted replies or actions to choose from at the outcome.
 */
import { z } from 'zod';
import { RuleIdSchema } from './lesson.ts';
import { isBestReply } from '../lib/scoring.ts';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `keep this to ${max} characters` });

/** Who wrote the post. */
export const AuthorTypeSchema = z.enum([
  'resident', 'anonymous-account', 'community-group', 'campaign-group', 'local-press', 'councillor',
  'candidate', 'business', 'council-officer',
]);

/** The post the learner is shown, as a clearly fictional card. */
export const PostSchema = z.strictObject({
  /** Display name, fictional. */
  author: text(80),
  /** What kind of account wrote it. */
  authorType: AuthorTypeSchema,
  /** Where it was posted, e.g. "X" or "Facebook (community group)". */
  platform: text(60),
  /** The post as it appears. */
  text: text(600),
});

/** One question on the canonical path: the right answer and what to say when the learner gets it wrong. */
export const PathStepSchema = z.strictObject({
  /** A question node of the flowchart. */
  node: z.string().regex(/^q-/, { error: 'expected a question node ID such as "q-positive"' }),
  /** The canonical answer. */
  answer: z.enum(['yes', 'no'], { error: 'expected "yes" or "no" (in quotes)' }),
  /** Feedback for a wrong answer: why the canonical answer is right. */
  why: text(600),
  /** The policy section the feedback cites. */
  source: text(120),
  /** Rule IDs this decision tests. */
  rules: z.array(RuleIdSchema),
});

/** A drafted reply (or an action) the learner may pick, with the checks and the policy rules it breaks. */
export const ReplySchema = z.strictObject({
  /** The reply as it would be posted, or the action ("Say nothing"). */
  text: text(400),
  /** Which of its graph's checks it breaks; the best choice breaks none. */
  breaks: z.array(z.string().regex(/^c-[a-z0-9-]+$/, { error: 'expected a check ID such as "c-tone"' })),
  /**
   * Which of the pack's rules (`rules.yaml` IDs) it breaks: the substance (predetermination, a leaked
   * confidence), where `breaks` is the etiquette. Required so no choice is left unjudged; `[]` for none.
   */
  rules: z.array(RuleIdSchema),
  /** Why it is, or is not, the best. */
  feedback: text(400),
});

/** Two to `max` choices, exactly one of them best (breaking no check and no rule). */
const choices = (what: string, max: number) => z
  .array(ReplySchema)
  .min(2, { error: `give two to ${max === 3 ? 'three' : 'four'} ${what}` })
  .max(max, { error: `give two to ${max === 3 ? 'three' : 'four'} ${what}` })
  .refine((list) => list.filter(isBestReply).length === 1, {
    error: `exactly one of the ${what} must break none of the checks and none of the rules (the best one)`,
  });

export const ScenarioSchema = z.strictObject({
  /** Short title for lists. */
  title: text(80),
  /**
   * The decision graph it walks: a graph of the pack (`quizzes/<pack>/graphs/<id>.yaml`). Absent:
   * the pack's default, its own `respond` graph or else the shared `quizzes/flowchart.yaml`.
   */
  graph: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a graph ID such as "respond" (the file name without .yaml)' }).optional(),
  /** The post being answered; required for a `respond` graph, optional for an `own-action` one. */
  post: PostSchema.optional(),
  /** What the member wants to do, for an `own-action` graph: "You want to change the council's cover photo". */
  intention: text(300).optional(),
  /** What the learner needs to know: where, what is pending, their role. */
  context: text(500),
  /** The circumstance that matters most. */
  situation: z.enum(['none', 'planning-or-licensing', 'election-period', 'meeting', 'confidential', 'complaint']),
  /** Rule IDs the scenario as a whole assesses. */
  rules: z.array(RuleIdSchema).min(1),
  /** The canonical answer at each question, from the first question to the outcome. */
  path: z.array(PathStepSchema).min(1),
  /** The outcome the path reaches. */
  outcome: z.string().regex(/^o-/, { error: 'expected an outcome node ID such as "o-monitor"' }),
  /** Why that outcome is right; shown in the summary. */
  explanation: text(800),
  /** Drafted replies, when the outcome replies. */
  replies: choices('drafted replies', 3).optional(),
  /** Actions to choose from, when the outcome asks for one (`choose: action`); "Say nothing" may be the best. */
  actions: choices('actions', 4).optional(),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type PathStep = z.infer<typeof PathStepSchema>;
export type Reply = z.infer<typeof ReplySchema>;
