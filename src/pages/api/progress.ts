/**
 * `POST /api/progress`: a member who opened their personal course link reports their progress (the
 * JSON kept in their browser). The server re-scores it and stores what is new. Without a personal
 * link there is no one to record it for: 401.
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { HttpError, json, jsonError, readBody } from '../../lib/server/http.ts';
import { readProgress } from '../../lib/progress.ts';
import { rescore, RescoreError } from '../../lib/rescore.ts';
import { eventsOf, recordEvents } from '../../lib/server/progress-events.ts';
import { findCourse } from '../../data/server-course.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals }) => {
  const member = locals.member;
  if (!member) return json(401, { error: 'Progress is recorded only for a personal course link.' });
  try {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (type !== 'application/json') throw new HttpError(415, 'Send progress as application/json.');
    const progress = readProgress(await readBody(request, 128 * 1024), member.pack);
    if (!progress) throw new HttpError(400, 'That is not progress in this member\'s course.');
    const course = (await findCourse(member.pack))!;
    const rescored = rescore({ lessons: course.requirements.lessons, scenarios: course.scenarios, checks: course.checks }, progress);
    const added = recordEvents(server().db, member.id, eventsOf(progress, rescored));
    return json(200, { recorded: added });
  } catch (error) {
    if (error instanceof RescoreError) return json(400, { error: error.message });
    return jsonError(error);
  }
};
