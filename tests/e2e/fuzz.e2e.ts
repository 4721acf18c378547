/**
 * Fuzz tests (fast-check) against the built server on a database of its own: malformed, oversized,
 * wrongly typed and hostile bodies and headers to the sign-off, verify, assessment, progress,
 * sign-in and roster-import endpoints. Never a 5xx, never a stored row, never a reflected string
 * that escapes its quoted attribute or lands unescaped in the markup.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';
import { passAttempt } from './server-support.ts';

test.describe.configure({ mode: 'serial' });
const RUNS = 350; // per endpoint: 6 endpoints, 2,100 cases
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
const db = join(dir, 'course.db');
let server: Running;
let cookie = '';
let attempt = '';
let cases = 0;

const MARK = '"><x-fuzz>';
const hostile = fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(MARK, `<x-fuzz>${MARK}`, "'><x-fuzz>", '=HYPERLINK("x")', '\u0000\u202e', '../../etc/passwd', "' OR 1=1 --", '%00', '{"v":1}', 'A'.repeat(22)),
  fc.string().map((s) => `${s}${MARK}${s}`),
);
const fields = (names: string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 20 })), fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })), { maxKeys: names.length + 3 });
const contentType = fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'text/csv', '', 'application/x-www-form-urlencoded; charset=utf-16');

function encode(data: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(data)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, String(item));
  return form.toString();
}
const body = (names: string[]) => fc.oneof(
  { weight: 5, arbitrary: fields(names).map(encode) },
  { weight: 2, arbitrary: fc.json() },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: fc.integer({ min: 130_000, max: 400_000 }).map((n) => `name=${'x'.repeat(n)}`) },
);

function rows(): Record<string, number> {
  const read = new DatabaseSync(db, { readOnly: true });
  try {
    return read.prepare(`SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM members) AS members,
      (SELECT count(*) FROM attempts WHERE submitted_at IS NOT NULL) AS marked, (SELECT count(*) FROM member_events) AS events,
      (SELECT count(*) FROM record_events) AS revocations`).get() as Record<string, number>;
  } finally {
    read.close();
  }
}

/** Markup a response carries, with quoted attribute values taken out: the marker must not be in what is left. */
const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');

async function send(path: string, method: string, type: string, payload: string, extra: Record<string, string> = {}) {
  cases++;
  const headers: Record<string, string> = { origin: server.base, ...extra };
  if (type) headers['content-type'] = type;
  const response = await fetch(`${server.base}${path}`, { method, headers, body: method === 'GET' ? undefined : payload, redirect: 'manual' });
  const text = await response.text();
  expect(response.status, `${method} ${path} ${type} ${payload.slice(0, 200)}`).toBeLessThan(500);
  expect(outsideAttributes(text)).not.toContain('<x-fuzz');
  expect(text).not.toContain('"><x-fuzz');
  return response.status;
}

test.beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'admin.ts'), 'create', '--email', 'mo@example.org', '--name', 'Mo'], {
    env: { ...process.env, COURSE_DB: db, ADMIN_PASSWORD: 'a long password for fuzz' }, stdio: 'pipe',
  });
  server = await startServer(db, await freePort(), { COURSE_RATE_SIGN_OFF: '1000000', COURSE_RATE_LOGIN: '1000000' });
  const login = await fetch(`${server.base}/admin/login/`, {
    method: 'POST', redirect: 'manual',
    headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=mo%40example.org&password=a+long+password+for+fuzz',
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  attempt = await passAttempt(server.base, 'wyre');
});
test.afterAll(async () => {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
  console.log(`Fuzz: ${cases} requests, 0 server errors`);
});

const endpoints: [string, () => string, string[], Record<string, string>?][] = [
  ['POST /sign-off/', () => '/sign-off/', ['pack', 'attempt', 'submission', 'name', 'role', 'wardOrCommittee', 'email', 'declaration', 'progress']],
  ['POST /api/verify', () => '/api/verify', ['record', 'signature']],
  ['POST /wyre/assessment/<unmarked attempt>/', () => `/wyre/assessment/${attempt}/`, ['answer-x', 'answer-fa-1']],
  ['POST /api/progress', () => '/api/progress', ['v', 'pack', 'lessons']],
  ['POST /admin/login/', () => '/admin/login/', ['email', 'password', 'next']],
  ['POST /admin/import/', () => '/admin/import/', ['roster']],
];

for (const [label, path, names] of endpoints) {
  test(`${label}: ${RUNS} malformed and hostile requests, no 5xx, nothing stored, nothing reflected unescaped`, async () => {
    test.setTimeout(180_000);
    if (label.includes('assessment')) {
      // A fresh, unmarked attempt to throw answers at.
      const start = await fetch(`${server.base}/wyre/assessment/`, { method: 'POST', headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
      attempt = /\/assessment\/([A-Za-z0-9_-]{22})\/$/.exec(start.headers.get('location') ?? '')![1]!;
    }
    const before = rows();
    await fc.assert(
      fc.asyncProperty(contentType, body(names), fc.boolean(), async (type, payload, withCookie) => {
        await send(path(), 'POST', type, payload, withCookie && cookie ? { cookie } : {});
      }),
      { numRuns: RUNS, seed: 20261121 },
    );
    expect(rows()).toEqual(before);
  });
}
