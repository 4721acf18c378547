/**
 * `/<pack>/content-hashes.json`, built with the site: the SHA-256 of each lesson's text and of the
 * whole pack, as sign-off records hold them. Anyone holding a record can see which text it names.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCoursePacks, type CoursePack } from '../../data/course.ts';

export const getStaticPaths = (async () =>
  (await getCoursePacks()).map((course) => ({ params: { pack: course.pack.id }, props: { course } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ course: CoursePack }> = ({ props: { course } }) =>
  new Response(`${JSON.stringify({
    pack: course.pack.id,
    policyTitle: course.pack.policy.title,
    policyVersion: course.pack.policy.version,
    algorithm: 'SHA-256',
    contentHash: course.content.hash,
    lessons: course.content.lessons,
  }, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
