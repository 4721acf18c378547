/**
 * Turns the progress a member's browser reports into stored events: each lesson visit, knowledge-check
 * answer, flowchart decision and drafted reply is recorded once, the first time it is seen, marked by
 * the server's own re-scoring. Later answers to the same item (after "try again") are not recorded,
 * so the analytics count the first attempt.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Rescored } from '../rescore.ts';
import type { Progress } from '../progress.ts';
import { transaction } from './db.ts';

export interface ProgressEvent {
  kind: 'lesson' | 'check' | 'flowchart' | 'reply';
  /** Lesson ID, question ID, `<scenario>#<node>` or `<scenario>#reply`. */
  item: string;
  correct: boolean | null;
}

export function eventsOf(progress: Progress, rescored: Rescored): ProgressEvent[] {
  return [
    ...progress.lessons.map((item) => ({ kind: 'lesson' as const, item, correct: null })),
    ...rescored.checks.map((c) => ({ kind: 'check' as const, item: c.question, correct: c.correct })),
    ...rescored.scenarios.flatMap((s) => [
      ...s.decisions.map((d) => ({ kind: 'flowchart' as const, item: `${s.scenario}#${d.node}`, correct: d.correct })),
      ...(s.reply ? [{ kind: 'reply' as const, item: `${s.scenario}#reply`, correct: s.reply.correct }] : []),
    ]),
  ];
}

/** Stores the events not seen before for this member; returns how many were new. */
export function recordEvents(db: DatabaseSync, memberId: number, events: readonly ProgressEvent[], now = new Date()): number {
  return transaction(db, () => {
    const seen = new Set((db.prepare('SELECT kind, item FROM member_events WHERE member_id = ?').all(memberId) as { kind: string; item: string }[]).map((e) => `${e.kind} ${e.item}`));
    const insert = db.prepare('INSERT INTO member_events (member_id, kind, item, correct, at) VALUES (?, ?, ?, ?, ?)');
    let added = 0;
    for (const e of events) {
      if (seen.has(`${e.kind} ${e.item}`)) continue;
      seen.add(`${e.kind} ${e.item}`);
      insert.run(memberId, e.kind, e.item, e.correct === null ? null : e.correct ? 1 : 0, now.toISOString());
      added++;
    }
    return added;
  });
}
