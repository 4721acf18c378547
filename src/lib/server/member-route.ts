/**
 * Which route a learner is on, from what the server holds: a member who opened their personal link
 * and has signed before, or a learner who entered the ID of a record they signed, takes the
 * refresher against that record; everyone else takes the induction. Only a genuine, unrevoked
 * record of the same course counts.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { CoursePack } from '../../data/course.ts';
import type { SignOffRecord } from '../record.ts';
import { memberRoute, type Route } from '../route.ts';
import type { LessonChanges } from '../changes.ts';
import { checkStoredRecord, findRecord, isRecordId } from './records.ts';
import type { MemberRow } from './members.ts';

export type RouteChoice =
  | { ok: true; route: Route; changes: LessonChanges | undefined; previous: SignOffRecord | undefined }
  | { ok: false; message: string };

/** A record this course may refresh against: genuine, not revoked, for this pack. */
function refreshable(db: DatabaseSync, course: CoursePack, id: string): SignOffRecord | string {
  const stored = isRecordId(id.trim()) ? findRecord(db, id.trim()) : undefined;
  if (!stored) return 'No record has that ID. Copy the record ID from your certificate (it looks like 3f2c9a1e-…), or take the full course.';
  const status = checkStoredRecord(db, stored);
  if (status.status === 'revoked') return 'That record has been revoked, so it cannot be refreshed: take the full course.';
  if (status.status !== 'valid') return 'That record could not be verified, so it cannot be refreshed: take the full course.';
  if (stored.envelope.record.course.pack !== course.pack.id) return `That record is for another council's course, not ${course.pack.council}'s.`;
  return stored.envelope.record;
}

export function routeFor(db: DatabaseSync, course: CoursePack, who: { member?: MemberRow | undefined; recordId?: string | undefined }): RouteChoice {
  const linked = who.member && who.member.pack === course.pack.id ? who.member : undefined;
  const id = linked ? linked.record_id ?? '' : who.recordId ?? '';
  if (!id) return { ok: true, ...memberRoute(course.routes, course.lessonsNow, undefined), previous: undefined };
  const previous = refreshable(db, course, id);
  if (typeof previous === 'string') {
    // A member's own latest record that no longer verifies: they take the induction.
    return linked ? { ok: true, ...memberRoute(course.routes, course.lessonsNow, undefined), previous: undefined } : { ok: false, message: previous };
  }
  return { ok: true, ...memberRoute(course.routes, course.lessonsNow, previous.course.lessons), previous };
}
