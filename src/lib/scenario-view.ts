/**
 * What the scenario player shows, worked out from a scenario's steps and the learner's stored
 * record alone: pure, so the server-rendered first screen, the mounted player and the unit tests
 * agree. Whether an answer is right comes from `scoring.ts`, never from here.
 */
import { isComplete } from './scoring.ts';

/** Where a question sits in the flowchart: `first` for the checks both policies put before anything else. */
export type Stage = 'first' | 'trunk';

/**
 * How many leading steps of a scenario's path are opening checks (flowchart nodes with
 * `stage: first`), shown together on one panel. A path that ends inside the checks (a "yes" at the
 * first one, say) has only those.
 */
export function openingChecks(steps: readonly { stage?: Stage | undefined }[]): number {
  const firstOther = steps.findIndex((s) => s.stage !== 'first');
  return firstOther === -1 ? steps.length : firstOther;
}

const words = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];

/** The opening panel's heading: "Three checks before anything else". */
export function openingTitle(count: number): string {
  return `${words[count] ?? count} check${count === 1 ? '' : 's'} before anything else`;
}

/** `deciding` while questions remain, `reply` while a drafted reply is still to pick, then `summary`. */
export type PlayerPhase = 'deciding' | 'reply' | 'summary';

export function playerPhase(answered: number, questions: number, hasReplies: boolean, replied: boolean): PlayerPhase {
  if (isComplete(answered, questions, hasReplies, replied)) return 'summary';
  return answered < questions ? 'deciding' : 'reply';
}
