/**
 * `/api/progress`, for a member who opened their personal course link (401 otherwise).
 * - `GET`: the member's route this round (induction, or the refresher against their last record,
 *   with the lessons it asks them to read) and the progress saved to their record for it, so the
 *   link resumes on any device.
 * - `POST ?basis=<record ID or empty>`: their browser reports its progress (the JSON it keeps). The
 *   server re-scores it, stores each first answer as an event, and keeps it as the member's progress.
 *   A report for an earlier round (the member has signed since) is refused with 409, storing nothing.
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { HttpError, json, jsonError, readBody } from '../../lib/server/http.ts';
import { readProgress } from '../../lib/progress.ts';
import { rescore, RescoreError } from '../../lib/rescore.ts';
import { eventsOf, memberProgress, recordEvents, saveMemberProgress } from '../../lib/server/progress-events.ts';
import { findCourse } from '../../data/server-course.ts';
import { transaction } from '../../lib/server/db.ts';
import { routeFor } from '../../lib/server/member-route.ts';
import type { MemberRow } from '../../lib/server/members.ts';

export const prerender = false;

const NOT_LINKED = 'Progress is recorded only for a personal course link.';

/** The member's route this round, in the form the progress box keeps. */
async function roundOf(member: MemberRow) {
  const course = await findCourse(member.pack);
  // A member of a pack this server does not serve (COURSE_PACKS) has no course here.
  if (!course) throw new HttpError(404, 'This course is not served here.');
  const choice = routeFor(server().db, course, { member });
  const route = choice.ok ? choice.route : course.routes.induction;
  const previous = choice.ok ? choice.previous?.id ?? null : null;
  return { course, mark: { kind: route.kind, previous, lessons: route.kind === 'refresher' ? route.lessons.map((l) => l.id) : [] } };
}

export const GET: APIRoute = async ({ locals }) => {
  const member = locals.member;
  if (!member) return json(401, { error: NOT_LINKED });
  let round: Awaited<ReturnType<typeof roundOf>>;
  try {
    round = await roundOf(member);
  } catch (error) {
    return jsonError(error);
  }
  const { mark } = round;
  const response = json(200, { route: mark, progress: memberProgress(server().db, member.id, member.pack, mark.previous ?? '') });
  response.headers.set('cache-control', 'no-store');
  return response;
};

export const POST: APIRoute = async ({ request, locals, url }) => {
  const member = locals.member;
  if (!member) return json(401, { error: NOT_LINKED });
  try {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (type !== 'application/json') throw new HttpError(415, 'Send progress as application/json.');
    const progress = readProgress(await readBody(request, 128 * 1024), member.pack);
    if (!progress) throw new HttpError(400, 'That is not progress in this member\'s course.');
    const { course, mark } = await roundOf(member);
    const basis = mark.previous ?? '';
    if ((url.searchParams.get('basis') ?? '') !== basis) {
      throw new HttpError(409, 'This progress is from an earlier round of the course: you have signed since. Reload the page.');
    }
    const rescored = rescore({ lessons: course.lessons.map((l) => l.id), scenarios: course.scenarios, checks: course.checks }, progress);
    const { db } = server();
    const added = transaction(db, () => {
      saveMemberProgress(db, member.id, basis, progress);
      return recordEvents(db, member.id, eventsOf(progress, rescored));
    });
    return json(200, { recorded: added });
  } catch (error) {
    if (error instanceof RescoreError) return json(400, { error: error.message });
    return jsonError(error);
  }
};
