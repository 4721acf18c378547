/**
 * Crash test: the built server on a database of its own takes a stream of concurrent sign-offs and
 * is killed (SIGKILL) at random moments, ten times, restarting each time. At the end every sign-off
 * that was acknowledged (303 to its certificate) is present and verifies, none is stored twice, and
 * SQLite's integrity check is ok.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { freePort, startServer, stopServer } from './spawn-server.ts';
import { passAttempt, postSignOff } from './server-support.ts';

const KILLS = 10;

test('no acknowledged sign-off is lost or duplicated when the server is killed ten times', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const db = join(dir, 'course.db');
  const port = await freePort();
  const acknowledged = new Map<string, string>(); // record ID → submission key
  let attempted = 0;
  for (let round = 0; round < KILLS; round++) {
    const server = await startServer(db, port, { COURSE_RATE_SIGN_OFF: '1000000', COURSE_RATE_ATTEMPT: '1000000' });
    let alive = true;
    const worker = async () => {
      while (alive) {
        try {
          const attempt = await passAttempt(server.base, 'wyre');
          const submission = randomBytes(16).toString('base64url');
          attempted++;
          const response = await postSignOff(server.base, 'wyre', attempt, submission);
          const id = /\/certificate\/([0-9a-f-]{36})\//.exec(response.headers.get('location') ?? '')?.[1];
          if (response.status === 303 && id) acknowledged.set(id, submission);
        } catch {
          return; // the server died under us
        }
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 1200));
    alive = false;
    await stopServer(server, 'SIGKILL');
    await Promise.allSettled(workers);
  }

  const server = await startServer(db, port);
  const lost: string[] = [];
  for (const [id] of acknowledged) {
    const response = await fetch(`${server.base}/api/records/${id}`);
    const body = response.ok ? await response.json() as { status: string } : undefined;
    if (body?.status !== 'valid') lost.push(id);
  }
  await stopServer(server);
  const read = new DatabaseSync(db, { readOnly: true });
  const integrity = (read.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  const counts = read.prepare('SELECT count(*) AS n, count(DISTINCT submission) AS submissions, count(DISTINCT attempt_id) AS attempts FROM records').get() as { n: number; submissions: number; attempts: number };
  read.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`Crash test: ${KILLS} kills, ${attempted} sign-offs sent, ${acknowledged.size} acknowledged, ${counts.n} stored, ${lost.length} acknowledged lost`);
  expect(acknowledged.size).toBeGreaterThan(KILLS);
  expect(lost).toEqual([]);
  expect(integrity).toBe('ok');
  expect(counts.submissions).toBe(counts.n);
  expect(counts.attempts).toBe(counts.n);
  expect(counts.n).toBeGreaterThanOrEqual(acknowledged.size);
});
