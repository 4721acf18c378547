/**
 * A learner's progress in one pack, as kept in the browser: lessons visited, knowledge-check
 * answers and scenario decisions. Validated by hand (no zod in the browser: every byte counts);
 * anything malformed, from an older schema or for another pack is discarded, never trusted.
 */
import type { Answer } from './walk.ts';

/** Bump when the stored shape changes: older stored progress is then discarded. */
export const PROGRESS_VERSION = 1;

export interface StoredDecision {
  node: string;
  answer: Answer;
  correct: boolean;
}

export interface ScenarioProgress {
  /** Answers in the order asked. */
  answers: StoredDecision[];
  /** Index of the picked reply in the scenario's own order. */
  reply?: number;
  replyCorrect?: boolean;
  /** Every question answered and, where asked, a reply picked. */
  done: boolean;
}

export interface CheckProgress {
  selected: number[];
  correct: boolean;
}

export interface Progress {
  v: typeof PROGRESS_VERSION;
  pack: string;
  /** Lesson IDs visited, e.g. `wyre/modules/04-libel`. */
  lessons: string[];
  /** By question ID. */
  checks: Record<string, CheckProgress>;
  /** By scenario ID. */
  scenarios: Record<string, ScenarioProgress>;
}

export const storageKey = (pack: string): string => `cc-progress:${pack}`;

/**
 * Announced on `window` whenever a pack's stored progress changes on this page. `source` says who
 * wrote it: the nanostore (`store`) or the progress element (`element`: a lesson visit or "start again").
 */
export const CHANGE_EVENT = 'cc-progress-change';
export interface ChangeDetail {
  pack: string;
  source: 'store' | 'element';
}

export function emptyProgress(pack: string): Progress {
  return { v: PROGRESS_VERSION, pack, lessons: [], checks: {}, scenarios: {} };
}

const ID = /^[a-z0-9][a-z0-9/-]{0,120}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 20;

function isDecision(v: unknown): v is StoredDecision {
  return isObject(v) && typeof v.node === 'string' && ID.test(v.node) && (v.answer === 'yes' || v.answer === 'no') && typeof v.correct === 'boolean';
}

function isScenario(v: unknown): v is ScenarioProgress {
  return isObject(v) && Array.isArray(v.answers) && v.answers.length <= 20 && v.answers.every(isDecision) &&
    typeof v.done === 'boolean' && (v.reply === undefined || isIndex(v.reply)) &&
    (v.replyCorrect === undefined || typeof v.replyCorrect === 'boolean');
}

function isCheck(v: unknown): v is CheckProgress {
  return isObject(v) && Array.isArray(v.selected) && v.selected.length <= 20 && v.selected.every(isIndex) && typeof v.correct === 'boolean';
}

function isRecordOf<T>(v: unknown, item: (x: unknown) => x is T): v is Record<string, T> {
  return isObject(v) && Object.keys(v).length <= 500 && Object.entries(v).every(([k, x]) => ID.test(k) && item(x));
}

/** Reads progress JSON strictly: undefined for anything malformed, from an older schema or for another pack. */
export function readProgress(raw: string | null | undefined, pack: string): Progress | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? 'null');
  } catch {
    return undefined;
  }
  if (
    !isObject(data) || data.v !== PROGRESS_VERSION || data.pack !== pack ||
    !Array.isArray(data.lessons) || data.lessons.length > 500 || !data.lessons.every((l) => typeof l === 'string' && ID.test(l)) ||
    !isRecordOf(data.checks, isCheck) || !isRecordOf(data.scenarios, isScenario)
  ) {
    return undefined;
  }
  return { v: PROGRESS_VERSION, pack, lessons: data.lessons, checks: data.checks, scenarios: data.scenarios };
}

/** Reads stored progress; returns empty progress for anything missing, corrupt, old or for another pack. */
export function parseProgress(raw: string | null | undefined, pack: string): Progress {
  return readProgress(raw, pack) ?? emptyProgress(pack);
}

export function visitLesson(p: Progress, lesson: string): Progress {
  return p.lessons.includes(lesson) ? p : { ...p, lessons: [...p.lessons, lesson] };
}

/**
 * Progress from two places (this browser and the member's record on the server), combined: every
 * lesson read in either; each check answer and scenario as this browser has it, else as the other
 * has it, and a scenario taken further in the other (more answers, or done) wins.
 */
export function mergeProgress(local: Progress, other: Progress): Progress {
  const scenarios = { ...other.scenarios };
  for (const [id, mine] of Object.entries(local.scenarios)) {
    const theirs = scenarios[id];
    if (!theirs || (!theirs.done && (mine.done || mine.answers.length >= theirs.answers.length))) scenarios[id] = mine;
  }
  return {
    ...local,
    lessons: [...new Set([...local.lessons, ...other.lessons])],
    checks: { ...other.checks, ...local.checks },
    scenarios,
  };
}
