/**
 * `POST /sign-off/`, handled in middleware before the page is rendered (issue 17): a sign-off that
 * is stored answers 303 to its certificate without building the page at all (Astro's page set-up
 * alone, hashing the page's styles and scripts for its CSP, cost more than storing the record). A
 * refusal is left in `locals.signOffPost` for the page to show with its form.
 */
import type { MiddlewareHandler } from 'astro';
import type { CoursePack } from '../../data/course.ts';
import { findCourse } from '../../data/server-course.ts';
import { getAssessmentBank } from '../../data/assessment.ts';
import { server } from './context.ts';
import { HttpError, readForm } from './http.ts';
import type { MemberRow } from './members.ts';
import { signOff, type SignOffResult } from './sign-off.ts';

/** What the page shows after a refused post: the form as sent, and why (a status and message, or signOff's result). */
export interface PostedSignOff {
  form?: URLSearchParams;
  course?: CoursePack;
  status?: number;
  problem?: string;
  result?: SignOffResult;
}

export async function postSignOff(request: Request, member: MemberRow | undefined): Promise<PostedSignOff> {
  let form: URLSearchParams;
  try {
    form = await readForm(request);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { status: error.status, problem: error.message };
  }
  const packId = form.get('pack');
  const course = await findCourse(packId);
  if (!course) return { form, status: 400, problem: `There is no course called "${packId ?? ''}". Choose your council's course below.` };
  const { db, key } = server();
  return { form, course, result: await signOff({ db, key }, course, await getAssessmentBank(course.pack.id), form, member) };
}

const SIGN_OFF = /^\/sign-off\/?$/;

export const signOffPost: MiddlewareHandler = async (context, next) => {
  if (context.isPrerendered || context.request.method !== 'POST' || !SIGN_OFF.test(context.url.pathname)) return next();
  const posted = await postSignOff(context.request, context.locals.member);
  if (posted.result?.ok) return context.redirect(`/certificate/${posted.result.recordId}/`, 303);
  context.locals.signOffPost = posted;
  return next();
};
