/**
 * `POST /c/leave/`: "Not you? Leave this course". Forgets the personal link on this browser (its
 * cookies) and the progress kept in it (`Clear-Site-Data: "storage"`), then goes to the course's
 * overview. The member's record keeps their progress; their link still works.
 */
import type { APIRoute } from 'astro';
import { clearMemberCookies } from '../../lib/server/member-link.ts';

export const prerender = false;

export const POST: APIRoute = ({ cookies, locals }) => {
  const pack = locals.member?.pack;
  clearMemberCookies(cookies);
  return new Response(null, { status: 303, headers: { location: pack ? `/${pack}/` : '/', 'clear-site-data': '"storage"', 'cache-control': 'no-store' } });
};
