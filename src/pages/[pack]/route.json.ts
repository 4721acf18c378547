/**
 * `/<pack>/route.json`, built with the site: each route's expected minutes and what it asks for
 * (lessons with their core words, required questions, required scenarios with their decisions and
 * whether a reply is chosen, assessment questions), at the published rates. The course page, the
 * progress box, the dashboard, the SCORM manifest and `npm run bench` all read these same figures.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCoursePacks, type CoursePack } from '../../data/course.ts';
import { routeJson } from '../../lib/route.ts';

export const getStaticPaths = (async () =>
  (await getCoursePacks()).map((course) => ({ params: { pack: course.pack.id }, props: { course } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ course: CoursePack }> = ({ props: { course } }) =>
  new Response(`${JSON.stringify(routeJson(course.pack.id, course.routes), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
