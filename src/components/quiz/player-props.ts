/** What the scenario player island receives: one scenario, with its graph's text it needs. */
import type { Stage } from '../../lib/scenario-view.ts';
import type { Answer } from '../../lib/walk.ts';
import type { ChoiceWords } from '../../lib/graphs.ts';

export interface PlayerStep {
  node: string;
  question: string;
  answer: Answer;
  /** The flowchart node's stage: the leading `first` steps are asked together on one panel. */
  stage: Stage;
  why: string;
  source: string;
  rules: string[];
}
export interface PlayerReply { text: string; breaks: string[]; rules: string[]; feedback: string }

export interface PlayerProps {
  pack: string;
  /** The scenario's stable ID, as stored with answers. */
  id: string;
  steps: PlayerStep[];
  outcome: { id: string; label: string; action: string };
  explanation: string;
  /** The drafted replies, or the actions, to choose from at the outcome. */
  replies: PlayerReply[];
  /** Display order of the replies (indexes into `replies`), fixed at build time. */
  order: number[];
  /** Check ID → its short name. */
  checks: Record<string, string>;
  /** Rule ID → its label (rule-labels.ts), for the rules this scenario's choices break only: page weight. */
  rules: Record<string, string>;
  /** How the choice at the outcome is worded: a drafted reply or an action (see graphs.ts). */
  words: ChoiceWords;
  /**
   * Where the summary leads: ScenarioOnward.astro's links, server-rendered in a `<template>` (so a
   * SCORM build rewrites them like the rest of the page) and passed by islands.ts. Absent in the
   * server render, which never shows the summary.
   */
  onward?: DocumentFragment;
}
