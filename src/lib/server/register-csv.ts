/**
 * The completion register as a CSV stream: rows are written as they are read, a few hundred at a
 * time, so 100,000 members never sit in memory as one string. The bytes are exactly those `toCsv`
 * writes for the same rows (BOM, header, CRLF after each record).
 *
 * Read from a snapshot: on a database file, its own read-only connection in one read transaction,
 * so a sign-off landing mid-download neither doubles nor drops a row, and the server's connection is
 * never held by a half-read statement. (An in-memory database, in tests, is read whole first.)
 */
import { DatabaseSync } from 'node:sqlite';
import { STATUS_LABELS } from '../member-status.ts';
import { BOM, csvDate, csvRecords, csvTime, type Cell } from '../csv.ts';
import { registerRows, type RegisterRow } from './dashboard-query.ts';
import type { Scope } from './scope.ts';

export const REGISTER_HEADER = ['Name', 'Email', 'Role', 'Ward or committee', 'Council', 'Status', 'Induction due', 'Started (UK time)', 'Signed at (UK time)', 'Policy version signed', 'Sign-off expires', 'Best assessment score (%)', 'Record ID'];

/** Rows per piece written. */
const CHUNK = 500;

export function registerCells(r: RegisterRow, council: (pack: string) => string): Cell[] {
  return [
    r.name, r.email, r.role, r.ward_or_committee, council(r.pack), STATUS_LABELS[r.status], csvDate(r.due_date),
    csvTime(r.started_at), csvTime(r.signed_at), r.policy_version, csvDate(r.expiresOn), r.best_score, r.record_id,
  ];
}

/** The register of the members the scope sees, as UTF-8 bytes. Call after `refreshStatuses`. */
export function registerStream(db: DatabaseSync, scope: Scope, council: (pack: string) => string): ReadableStream<Uint8Array> {
  const location = db.location();
  const reader = location ? new DatabaseSync(location, { readOnly: true }) : undefined;
  reader?.exec('BEGIN');
  const close = () => {
    if (reader?.isOpen) reader.close();
  };
  let rows: Iterator<RegisterRow>;
  try {
    rows = (reader ? registerRows(reader, scope) : [...registerRows(db, scope)])[Symbol.iterator]();
  } catch (error) {
    close();
    throw error;
  }
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const cells: Cell[][] = first ? [REGISTER_HEADER] : [];
        let done = false;
        while (cells.length < CHUNK) {
          const next = rows.next();
          if (next.done) {
            done = true;
            break;
          }
          cells.push(registerCells(next.value, council));
        }
        if (cells.length) controller.enqueue(encoder.encode(`${first ? BOM : ''}${csvRecords(cells)}`));
        first = false;
        if (done) {
          close();
          controller.close();
        }
      } catch (error) {
        close();
        controller.error(error);
      }
    },
    cancel: close,
  });
}
