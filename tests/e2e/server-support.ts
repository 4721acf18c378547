/** Fixtures for tests of the server: the e2e database (read-only), course data and a learner's progress. */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, type APIRequestContext, type Frame, type Page } from '@playwright/test';
import { loadAssessment, loadPacks, loadSharedGraph } from '../../src/lib/load.ts';
import { e2eDatabase } from '../../playwright.config.ts';
import { regenerateLink, saveMember } from '../../src/lib/server/members.ts';
import { courseFor, perfectProgress } from '../unit/support/course.ts';
import { contentRoot } from '../support/packs.ts';

const root = join(import.meta.dirname, '..', '..');

export { courseFor, perfectProgress };

/** The assessment bank, with its answer key: the test knows what the browser must not. */
export function bankOf(pack: string, from: string = contentRoot) {
  const data = loadPacks(from).find((p) => p.pack.id === pack)!;
  return loadAssessment(from, data, loadSharedGraph(from));
}

/** Runs a read-only query on the server's database. */
export function query<T>(sql: string, ...params: (string | number)[]): T {
  const db = new DatabaseSync(join(root, e2eDatabase), { readOnly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** A record's signed envelope, read from the database as the officer's download would give it (the public API gives a summary only). */
export function storedEnvelope(id: string, db?: DatabaseSync) {
  const sql = 'SELECT body, signature FROM records WHERE id = ?';
  const row = (db ? db.prepare(sql).get(id) : query(sql, id)) as { body: string; signature: string };
  return { record: JSON.parse(row.body), algorithm: 'Ed25519', signature: row.signature };
}

export const recordCount = (): number => query<{ n: number }>('SELECT count(*) AS n FROM records').n;

/** The origin the test server expects on posts (the middleware refuses cross-origin form posts). */
export const formHeaders = (baseURL: string) => ({ origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' });

/** The attempt token a start's redirect names. */
export const attemptIn = (location: string | null | undefined): string => /\/assessment\/([A-Za-z0-9_-]{22})\/$/.exec(location ?? '')![1]!;

/** The answers to an attempt's page (its HTML): every right option, or one wrong option for each question. */
export function answerForm(pack: string, page: string, right: boolean, from?: string): string {
  const bank = bankOf(pack, from);
  const form = new URLSearchParams();
  for (const id of new Set([...page.matchAll(/name="answer-([a-z0-9-]+)"/g)].map((m) => m[1]!))) {
    const pick = bank.find((b) => b.id === id)!.options.flatMap((o, i) => (o.correct === right ? [i] : []));
    for (const i of right ? pick : pick.slice(0, 1)) form.append(`answer-${id}`, String(i));
  }
  return form.toString();
}

/** Starts an attempt over HTTP and answers it: all right, or all wrong. Returns its token. */
export async function takeAssessment(request: APIRequestContext, baseURL: string, pack: string, right: boolean): Promise<string> {
  const start = await request.post(`/${pack}/assessment/`, { headers: formHeaders(baseURL), maxRedirects: 0 });
  expect(start.status()).toBe(303);
  const token = attemptIn(start.headers().location);
  const page = await (await request.get(`/${pack}/assessment/${token}/`)).text();
  const submitted = await request.post(`/${pack}/assessment/${token}/`, { headers: formHeaders(baseURL), data: answerForm(pack, page, right), maxRedirects: 0 });
  expect(submitted.status()).toBe(303);
  return token;
}

/** Answers every question on an assessment page (or frame): right ones, or a wrong option for each; then sends. */
export async function answerAssessment(where: Page | Frame, pack: string, right: boolean): Promise<void> {
  const bank = bankOf(pack);
  const questions = where.locator('.cc-question');
  await expect(questions).toHaveCount(10);
  for (const question of await questions.all()) {
    const id = (await question.getAttribute('id'))!.replace(/^q-/, '');
    const q = bank.find((b) => b.id === id)!;
    const pick = q.options.flatMap((o, i) => (o.correct === right ? [i] : []));
    for (const i of right ? pick : pick.slice(0, 1)) await question.locator('input').nth(i).check();
  }
  await where.getByRole('button', { name: 'Send my answers' }).click();
}

/**
 * With plain fetch (for servers the tests start themselves): a passed attempt's token; `cookie` takes
 * it as a linked member; `from` is the course folder the server was built from (default: this project).
 */
export async function passAttempt(base: string, pack: string, cookie?: string, from?: string): Promise<string> {
  const headers = { origin: base, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) };
  const start = await fetch(`${base}/${pack}/assessment/`, { method: 'POST', headers, redirect: 'manual' });
  const token = attemptIn(start.headers.get('location'));
  const page = await (await fetch(`${base}/${pack}/assessment/${token}/`, { headers })).text();
  await fetch(`${base}/${pack}/assessment/${token}/`, { method: 'POST', headers, body: answerForm(pack, page, true, from), redirect: 'manual' });
  return token;
}

/** A roster member of the pack with a personal link; returns the link's token (the `cc_member` cookie's value). */
export const linkedMember = (db: DatabaseSync, name: string, email: string, pack = 'wyre'): string =>
  regenerateLink(db, saveMember(db, null, { name, email, role: 'councillor', wardOrCommittee: 'Rossall', pack, dueDate: '2030-03-31' }, 'test'), 'test');

/** With plain fetch: reports a member's complete progress through their link, as their browser would, so the server has recorded it. */
export async function recordProgress(base: string, pack: string, cookie: string, from?: string): Promise<void> {
  const response = await fetch(`${base}/api/progress`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(perfectProgress(courseFor(pack, from))) });
  if (response.status !== 200) throw new Error(`progress was not recorded: ${response.status}`);
}

/** With plain fetch: posts a complete, valid declaration for a passed attempt. */
export function postSignOff(base: string, pack: string, attempt: string, submission: string, name = 'Siân Ŵyn Llŷr', cookie?: string, from?: string): Promise<Response> {
  const course = courseFor(pack, from);
  const body = new URLSearchParams({
    pack, attempt, submission, name, role: 'councillor', wardOrCommittee: 'Garstang', email: '', declaration: 'agreed',
    progress: JSON.stringify(perfectProgress(course)),
  });
  return fetch(`${base}/sign-off/`, { method: 'POST', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }, body: body.toString(), redirect: 'manual' });
}
