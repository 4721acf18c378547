/**
 * Assessment attempts cannot harvest the answer key or fill the disk (security review rows 9 and 10),
 * over HTTP on servers of their own, from several loopback addresses (127.0.0.x):
 * - starting attempts is rate-limited per address;
 * - after a failed attempt, a retake waits for the cool-down (by address, and by the browser's
 *   cookie), and says until when and what to revisit; with the cool-down set to 0 it does not;
 * - results show the explanation and the lessons to revisit, never the right option;
 * - an attempt left unsent for a day has expired: its page says so and offers a fresh start;
 * - a member starts at most five attempts a day;
 * - a linked member's progress must be on the server's own record before they can sign.
 */
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { retakeTime } from '../../src/lib/server/retakes.ts';
import { sha256Hex } from '../../src/lib/digest.ts';
import { answerForm, attemptIn, bankOf, courseFor, linkedMember, passAttempt, perfectProgress, postSignOff } from './server-support.ts';
import { withOwnServer, type Running } from './spawn-server.ts';

const pack = 'wyre';
const work = join(import.meta.dirname, '..', '..', 'reports', 'e2e-attempts');

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; text: string }

/** An HTTP request from a chosen loopback address (the server sees it as the client's address). */
function send(server: Running, path: string, options: { from?: string; method?: string; body?: string; cookie?: string; type?: string } = {}): Promise<Reply> {
  const { from = '127.0.0.1', method = 'POST', body = '', cookie, type = 'application/x-www-form-urlencoded' } = options;
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.base}${path}`, {
      method, localAddress: from,
      headers: { origin: server.base, ...(method === 'POST' ? { 'content-type': type } : {}), ...(cookie ? { cookie } : {}) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts an attempt from `from`; returns its token. */
async function start(server: Running, from: string, cookie?: string): Promise<string> {
  const started = await send(server, `/${pack}/assessment/`, { from, cookie });
  expect(started.status).toBe(303);
  return attemptIn(started.headers.location as string);
}

/** Answers an attempt (all right or all wrong) from `from`; returns the reply and the retake cookie it set, if any. */
async function answer(server: Running, token: string, from: string, right: boolean): Promise<{ reply: Reply; cookie?: string }> {
  const page = await send(server, `/${pack}/assessment/${token}/`, { from, method: 'GET' });
  const reply = await send(server, `/${pack}/assessment/${token}/`, { from, body: answerForm(pack, page.text, right) });
  const set = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).find((c) => c.startsWith(`cc_retake_${pack}=`));
  return { reply, cookie: set?.split(';')[0] };
}

/** Page text with HTML entities turned back into characters. */
const unescape = (html: string) => html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
  .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const sentAt = (db: DatabaseSync, token: string) => (db.prepare('SELECT submitted_at FROM attempts WHERE id = ?').get(sha256Hex(token)) as { submitted_at: string | null }).submitted_at;

test('starting attempts is limited per address: the 4th start in a minute gets 429 with Retry-After (row 10)', async () => withOwnServer(join(work, 'rate'), async (server, db) => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await send(server, `/${pack}/assessment/`, { from: '127.0.0.3' })).status);
  expect(statuses).toEqual([303, 303, 303]);
  const limited = await send(server, `/${pack}/assessment/`, { from: '127.0.0.3' });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(limited.text).toContain('Too many requests');
  expect(db.prepare("SELECT count(*) AS n FROM attempts WHERE client = '127.0.0.3'").get()).toEqual({ n: 3 });
  // Another address is not held back.
  expect((await send(server, `/${pack}/assessment/`, { from: '127.0.0.4' })).status).toBe(303);
  // With the cool-down set to 0, a failed attempt may be retaken at once.
  const failed = await answer(server, await start(server, '127.0.0.5'), '127.0.0.5', false);
  expect(failed.reply.status).toBe(303);
  expect(failed.cookie).toBeUndefined();
  expect((await send(server, `/${pack}/assessment/`, { from: '127.0.0.5' })).status).toBe(303);
}, { COURSE_RATE_ATTEMPT: '3', COURSE_RETAKE_COOLDOWN_MINUTES: '0' }));

test('after a failed attempt a retake waits 10 minutes, says until when and what to revisit, and the results never show the right option (row 9)', async () => withOwnServer(join(work, 'cool-down'), async (server, db) => {
  const me = '127.0.0.2';
  const early = await start(server, me);
  const token = await start(server, me);
  const { reply, cookie } = await answer(server, token, me, false);
  expect(reply.status).toBe(303);
  expect(cookie).toBe(`cc_retake_${pack}=${token}`);
  const until = retakeTime(new Date(Date.parse(sentAt(db, token)!) + 10 * 60_000));

  // The results: each question wrong, with its explanation and lessons to revisit, and no right option.
  const results = await send(server, `/${pack}/assessment/${token}/`, { from: me, method: 'GET', cookie });
  expect(results.status).toBe(200);
  const html = unescape(results.text);
  expect(html).toContain('You did not pass this time');
  expect(html).toContain(`You can take the assessment again, with new questions, after <strong>${until}</strong>`);
  expect(html).not.toContain('Try again with new questions');
  expect(html).not.toContain('The right answer');
  const bank = bankOf(pack);
  const drawn = [...html.matchAll(/data-question="([a-z0-9-]+)"/g)].map((m) => bank.find((q) => q.id === m[1])!);
  expect(drawn).toHaveLength(10);
  for (const q of drawn) {
    expect(html, q.id).toContain(q.explanation);
    for (const o of q.options.filter((o) => o.correct)) expect(html, q.id).not.toContain(o.text);
  }
  expect(html).toMatch(/<ul aria-labelledby="revisit-title" data-revisit><li><a href="\/wyre\/(lessons|examples)\/[a-z-]+\/">/);

  // An immediate retake is refused with the time: from the same address, or with the cookie from another.
  for (const [attempt, says] of [
    [{ from: me }, `An attempt sent from your network did not pass a few minutes ago, and each failed attempt is followed by 10 minutes without a new one. You can start the assessment after ${until}.`],
    [{ from: '127.0.0.6', cookie }, `You did not pass your last attempt. You can take the assessment again after ${until}, 10 minutes after you sent it.`],
  ] as const) {
    const refused = await send(server, `/${pack}/assessment/`, attempt);
    expect(refused.status, JSON.stringify(attempt)).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(590);
    expect(unescape(refused.text)).toContain(says);
  }
  // Someone else on another address starts as usual.
  expect((await send(server, `/${pack}/assessment/`, { from: '127.0.0.6' })).status).toBe(303);
  // The start page says when, and lists the lessons to revisit.
  const startPage = unescape((await send(server, `/${pack}/assessment/`, { from: me, method: 'GET', cookie })).text);
  expect(startPage).toContain(`You can take the assessment again after ${until}`);
  expect(startPage).toContain('What to revisit');
  expect(startPage).not.toContain('Start the assessment</button>');

  // An attempt started before the failure cannot be sent during the cool-down either; its answers come back.
  const page = await send(server, `/${pack}/assessment/${early}/`, { from: me, method: 'GET' });
  const held = await send(server, `/${pack}/assessment/${early}/`, { from: me, body: answerForm(pack, page.text, true) });
  expect(held.status).toBe(429);
  expect(unescape(held.text)).toContain('Your answers are kept below: send them then.');
  expect(held.text.match(/<input [^>]*\bchecked\b/g)?.length ?? 0).toBeGreaterThanOrEqual(10);
  expect(sentAt(db, early)).toBeNull();
}));

test('an attempt left unsent for a day has expired: its page says so and offers a fresh start (row 10)', async () => withOwnServer(join(work, 'expiry'), async (server, db) => {
  const token = await start(server, '127.0.0.7');
  db.prepare('UPDATE attempts SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 25 * 3_600_000).toISOString(), sha256Hex(token));
  const page = await send(server, `/${pack}/assessment/${token}/`, { from: '127.0.0.7', method: 'GET' });
  expect(page.status).toBe(410);
  expect(page.text).toContain('This assessment attempt has expired');
  expect(page.text).toMatch(/<form method="post" action="\/wyre\/assessment\/"[^>]*>\s*<button type="submit" class="cc-button">Start a fresh attempt<\/button>/);
  const sent = await send(server, `/${pack}/assessment/${token}/`, { from: '127.0.0.7', body: 'answer-x=0' });
  expect(sent.status).toBe(410);
  expect(sent.text).toContain('your answers were not marked');
  expect(sentAt(db, token)).toBeNull();
  // Once deleted (or never ours), the address gets the same page with 404.
  const unknown = await send(server, `/${pack}/assessment/${'B'.repeat(22)}/`, { method: 'GET' });
  expect(unknown.status).toBe(404);
  expect(unknown.text).toContain('Start a fresh attempt');
}));

test('a member starts at most five attempts a day (row 9)', async () => withOwnServer(join(work, 'daily'), async (server, db) => {
  const cookie = `cc_member=${linkedMember(db, 'Bob Hale', 'bob@example.org')}`;
  for (let i = 0; i < 5; i++) await start(server, '127.0.0.8', cookie);
  const refused = await send(server, `/${pack}/assessment/`, { from: '127.0.0.8', cookie });
  expect(refused.status).toBe(429);
  expect(unescape(refused.text)).toContain('You have started 5 assessments in the last 24 hours, the most allowed in a day.');
  // Another address does not help: the cap follows the member.
  expect((await send(server, `/${pack}/assessment/`, { from: '127.0.0.9', cookie })).status).toBe(429);
}));

test('a linked member signs only with progress the server recorded itself (row 9)', async () => withOwnServer(join(work, 'recorded'), async (server, db) => {
  const cookie = `cc_member=${linkedMember(db, 'Alice Ng', 'alice@example.org')}`;
  const course = courseFor(pack);
  const everything = perfectProgress(course);
  const missing = everything.lessons[4]!;
  const report = (progress: object) => fetch(`${server.base}/api/progress`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(progress) });
  expect((await report({ ...everything, lessons: everything.lessons.filter((l) => l !== missing) })).status).toBe(200);
  const attempt = await passAttempt(server.base, pack, cookie);
  // The form claims every lesson; the server never saw one of them.
  const refused = await postSignOff(server.base, pack, attempt, 'A'.repeat(22), 'Alice Ng', cookie);
  expect(refused.status).toBe(422);
  const text = unescape(await refused.text());
  expect(text).toMatch(/Open the lesson "[^"]+" and finish it on this device, then sign\./);
  expect(text).toContain(`href="/${pack}/lessons/${missing.split('/').at(-1)!.replace(/^\d+-/, '')}/"`);
  expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
  // Once the browser has reported it, the same pass signs.
  expect((await report(everything)).status).toBe(200);
  expect((await postSignOff(server.base, pack, attempt, 'B'.repeat(22), 'Alice Ng', cookie)).status).toBe(303);
}));
