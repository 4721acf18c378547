/**
 * A decision graph: the shared "should I respond?" graph (`quizzes/flowchart.yaml`) or a pack's own
 * (`quizzes/<pack>/graphs/<graph-id>.yaml`). The shape of each node is checked here; graph rules
 * (edges land, no cycles, every path ends in an outcome) are checked in `src/lib/flowchart.ts`, which
 * needs the whole graph.
 */
import { z } from 'zod';

/** A node ID: `start`, `q-…` for questions, `o-…` for outcomes. */
const NodeIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a node ID such as "q-positive"' });

const text = z.string().trim().min(1, { error: 'must not be empty' });

/** The policy section or document a node (or the whole graph) is drawn from, e.g. "Cwm online policy, 'Questions'". */
const source = text.optional();

/** Where the reader begins. */
export const StartNodeSchema = z.strictObject({
  id: NodeIdSchema,
  kind: z.literal('start'),
  /** What to do before anything else. */
  text,
  /** The policy passage behind it. */
  policy: text.optional(),
  source,
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
  source,
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
  /** Whether this outcome leads to a reply (then the graph's checks apply). */
  replies: z.enum(['yes', 'no', 'maybe'], { error: 'expected "yes", "no" or "maybe" (in quotes)' }),
  /**
   * What the learner picks at this outcome: a drafted `reply`, or an `action` (like, share, say
   * nothing, pass it on…). Default: `reply` when `replies` is "yes" or "maybe", nothing otherwise.
   */
  choose: z.enum(['reply', 'action'], { error: 'expected "reply" or "action"' }).optional(),
  /** The policy passages behind it. */
  policy: text.optional(),
  source,
});

export const FlowNodeSchema = z.discriminatedUnion('kind', [StartNodeSchema, QuestionNodeSchema, OutcomeNodeSchema]);

/** One of a graph's checks, which a drafted reply or an action may break. */
export const CheckSchema = z.strictObject({
  id: z.string().regex(/^c-[a-z0-9-]+$/, { error: 'check IDs start with "c-"' }),
  /** Short name, e.g. "Cite sources". */
  label: text,
  /** What it asks of a reply. */
  text,
});

/** `respond`: "should I respond?" to someone else's post; `own-action`: "should I post / change / open this?". */
export const GraphKindSchema = z.enum(['respond', 'own-action'], { error: 'expected "respond" or "own-action"' });

/** The whole file. */
export const FlowchartSchema = z.strictObject({
  /** The diagram's title. */
  title: text,
  /** Which kind of decision it helps with; `respond` when absent. */
  kind: GraphKindSchema.optional(),
  /** The question it answers, as a heading, e.g. "Should I respond?"; from `kind` when absent. */
  name: text.optional(),
  /** The page's opening paragraph: where the graph's questions come from. */
  intro: text.optional(),
  /** The policy section or document the graph is drawn from. */
  source,
  /**
   * Credit to the original author, shown wherever the chart is drawn. Required for the shared graph;
   * a pack's own graph drawn from its own policy may leave it out.
   */
  attribution: text.optional(),
  /** The licence the adaptation is shared under (with `attribution`). */
  licence: z.strictObject({ name: text, url: z.url(), notice: text }).optional(),
  /** The ID of the start node. */
  start: NodeIdSchema,
  /** Every node, each ID once. */
  nodes: z.array(FlowNodeSchema).min(2),
  /** The checks every drafted reply or action choice is held to (an own-action graph may have none). */
  checks: z.array(CheckSchema).default([]),
});

export type Flowchart = z.infer<typeof FlowchartSchema>;
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type OutcomeNode = z.infer<typeof OutcomeNodeSchema>;
export type StartNode = z.infer<typeof StartNodeSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type GraphKind = z.infer<typeof GraphKindSchema>;
