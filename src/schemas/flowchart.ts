/**
 * The "should I respond?" decision graph (`quizzes/flowchart.yaml`). The shape of each node is
 * checked here; graph rules (edges land, no cycles, every path ends in an outcome) are checked in
 * `src/lib/flowchart.ts`, which needs the whole graph.
 */
import { z } from 'zod';

/** A node ID: `start`, `q-…` for questions, `o-…` for outcomes. */
const NodeIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a node ID such as "q-positive"' });

const text = z.string().trim().min(1, { error: 'must not be empty' });

/** Where the reader begins. */
export const StartNodeSchema = z.strictObject({
  id: NodeIdSchema,
  kind: z.literal('start'),
  /** What to do before anything else. */
  text,
  /** The policy passage behind it. */
  policy: text.optional(),
  /** The first question. */
  next: NodeIdSchema,
});

/** A yes/no question. */
export const QuestionNodeSchema = z.strictObject({
  id: NodeIdSchema.regex(/^q-/, { error: 'question IDs start with "q-"' }),
  kind: z.literal('question'),
  /** `first`: checks both policies require; `trunk`: the source diagram's own questions. */
  stage: z.enum(['first', 'trunk']),
  /** The question as the learner sees it. */
  question: text,
  /** The policy passages behind it. */
  policy: text.optional(),
  /** Where "yes" leads. */
  yes: NodeIdSchema,
  /** Where "no" leads. */
  no: NodeIdSchema,
});

/** An end point: what to do. */
export const OutcomeNodeSchema = z.strictObject({
  id: NodeIdSchema.regex(/^o-/, { error: 'outcome IDs start with "o-"' }),
  kind: z.literal('outcome'),
  /** A short name, e.g. "Monitor". */
  label: text,
  /** What to do. */
  action: text,
  /** Whether this outcome leads to a reply (then the five checks apply). */
  replies: z.enum(['yes', 'no', 'maybe']),
});

export const FlowNodeSchema = z.discriminatedUnion('kind', [StartNodeSchema, QuestionNodeSchema, OutcomeNodeSchema]);

/** One of the five checks before responding. */
export const CheckSchema = z.strictObject({
  id: z.string().regex(/^c-[a-z0-9-]+$/, { error: 'check IDs start with "c-"' }),
  /** Short name, e.g. "Cite sources". */
  label: text,
  /** What it asks of a reply. */
  text,
});

/** The whole file. */
export const FlowchartSchema = z.strictObject({
  /** The diagram's title. */
  title: text,
  /** Credit to the original author, shown wherever the chart is drawn. */
  attribution: text,
  /** The licence the adaptation is shared under. */
  licence: z.strictObject({ name: text, url: z.url(), notice: text }),
  /** The ID of the start node. */
  start: NodeIdSchema,
  /** Every node, each ID once. */
  nodes: z.array(FlowNodeSchema).min(2),
  /** The checks every drafted reply is held to. */
  checks: z.array(CheckSchema).min(1),
});

export type Flowchart = z.infer<typeof FlowchartSchema>;
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type OutcomeNode = z.infer<typeof OutcomeNodeSchema>;
export type StartNode = z.infer<typeof StartNodeSchema>;
export type Check = z.infer<typeof CheckSchema>;
