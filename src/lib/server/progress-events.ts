/**
 * Turns the progress a member's browser reports into stored events: each lesson visit, knowledge-check
 * answer, flowchart decision and drafted reply is recorded once, the first time it is seen, marked by
 * the server's own re-scoring. Later answers to the same item (after "try again") are not recorded,
 * so the analytics count the first attempt.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Rescored } from '../rescore.ts';
import { parseProgress, type Progress } from '../progress.ts';
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

/**
 * Keeps the progress a member's browser last reported (already re-scored, so it fits the course),
 * for this round of the course: `basis` is the record being refreshed, '' at induction.
 */
export function saveMemberProgress(db: DatabaseSync, memberId: number, basis: string, progress: Progress, now = new Date()): void {
  db.prepare(`INSERT INTO member_progress (member_id, pack, basis, progress, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (member_id) DO UPDATE SET pack = excluded.pack, basis = excluded.basis, progress = excluded.progress, updated_at = excluded.updated_at`)
    .run(memberId, progress.pack, basis, JSON.stringify(progress), now.toISOString());
}

/** The progress a member last reported for this round of their course; empty when none (or when it no longer reads). */
export function memberProgress(db: DatabaseSync, memberId: number, pack: string, basis: string): Progress {
  const row = db.prepare('SELECT progress FROM member_progress WHERE member_id = ? AND pack = ? AND basis = ?').get(memberId, pack, basis) as { progress: string } | undefined;
  return parseProgress(row?.progress, pack);
}

/** Every step the server has recorded for a member (each once), for sign-off's cross-check. */
export function memberEvents(db: DatabaseSync, memberId: number): Pick<ProgressEvent, 'kind' | 'item'>[] {
  return db.prepare("SELECT kind, item FROM member_events WHERE member_id = ? AND kind <> 'assessment'").all(memberId) as Pick<ProgressEvent, 'kind' | 'item'>[];
}
