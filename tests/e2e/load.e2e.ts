/** Load safety on a server of its own: sign-in and sign-off are rate-limited per address; a busy database gives 503 + Retry-After. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';
import { passAttempt, postSignOff } from './server-support.ts';

test.describe.configure({ mode: 'serial' });
const dir = mkdtempSync(join(tmpdir(), 'load-'));
const db = join(dir, 'course.db');
let server: Running;

test.beforeAll(async () => {
  server = await startServer(db, await freePort(), { COURSE_RATE_SIGN_OFF: '4', COURSE_RATE_LOGIN: '3' });
});
test.afterAll(async () => {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

const count = () => {
  const read = new DatabaseSync(db, { readOnly: true });
  try {
    return (read.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  } finally {
    read.close();
  }
};

test('a busy database answers 503 with Retry-After, and stores nothing', async () => {
  test.setTimeout(60_000);
  const attempt = await passAttempt(server.base, 'wyre');
  const lock = new DatabaseSync(db, { timeout: 100 });
  lock.exec('BEGIN IMMEDIATE');
  const response = await postSignOff(server.base, 'wyre', attempt, randomBytes(16).toString('base64url'));
  lock.exec('ROLLBACK');
  lock.close();
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('2');
  expect(count()).toBe(0);
  // Once the lock is gone, the same attempt signs.
  expect((await postSignOff(server.base, 'wyre', attempt, randomBytes(16).toString('base64url'))).status).toBe(303);
});

test('sign-off and sign-in are rate-limited per address, with Retry-After', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await postSignOff(server.base, 'wyre', 'A'.repeat(22), randomBytes(16).toString('base64url'))).status);
  expect(statuses).toEqual([400, 400, 429, 429]); // two went earlier in this file
  const limited = await postSignOff(server.base, 'wyre', 'A'.repeat(22), 'x');
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(await limited.text()).toContain('Too many requests');
  const login = () => fetch(`${server.base}/admin/login/`, { method: 'POST', headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.org&password=x', redirect: 'manual' });
  const logins = [];
  for (let i = 0; i < 4; i++) logins.push((await login()).status);
  expect(logins).toEqual([401, 401, 401, 429]);
});
