/** How long an admin session has left, for the warning before it ends (accessibility review F1). */
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import { ABSOLUTE_HOURS, IDLE_MINUTES } from './admins.ts';

export interface SessionLeft {
  /** Seconds until the session ends if nothing more is done. */
  seconds: number;
  /** Whether a request can extend it (false when the 8-hour limit is what ends it). */
  extendable: boolean;
}

export function sessionLeft(db: DatabaseSync, cookie: string, now = new Date()): SessionLeft | undefined {
  const row = db.prepare('SELECT created_at, last_seen_at FROM sessions WHERE id = ?').get(sha256Hex(cookie)) as { created_at: string; last_seen_at: string } | undefined;
  if (!row) return undefined;
  const idle = Date.parse(row.last_seen_at) + IDLE_MINUTES * 60_000 - now.getTime();
  const absolute = Date.parse(row.created_at) + ABSOLUTE_HOURS * 3_600_000 - now.getTime();
  return { seconds: Math.max(0, Math.floor(Math.min(idle, absolute) / 1000)), extendable: idle < absolute };
}
