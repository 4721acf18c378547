/**
 * Security review rows 13, 16, 17 and 21 against the built server: security headers on static and
 * on-demand responses, and a Content-Security-Policy the islands run under without a violation;
 * a full database answers 503 (and a folder it cannot write stops the start with a clear message);
 * a write waiting on another process's lock does not hold up other requests; and an oversized
 * chunked roster upload is refused while it streams in.
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';
import { passAttempt, postSignOff } from './server-support.ts';
import { lessonUrl, scenarioUrl, scenariosOf, checksOf } from './quiz-support.ts';

const root = join(import.meta.dirname, '..', '..');
let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hardening-'));
  // Readable by "nobody", who runs the read-only folder test's server when the tests run as root.
  chmodSync(dir, 0o755);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server of its own on a fresh database; stopped after `use`. */
async function withServer(name: string, env: Record<string, string>, use: (server: Running, db: string) => Promise<void>): Promise<void> {
  const db = join(dir, name, 'course.db');
  const server = await startServer(db, await freePort(), env);
  try {
    await use(server, db);
  } finally {
    await stopServer(server);
  }
}

const timed = async <T>(work: Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
};

test.describe('security headers (row 13)', () => {
  const asset = () => /\/_astro\/[^"]+\.js/.exec(readFileSync(join(root, 'dist', 'client', 'wyre', 'index.html'), 'utf8'))![0];

  test('every kind of response carries them: static pages and assets, on-demand pages, JSON, redirects', async ({ request, baseURL }) => {
    const responses = {
      'static page': await request.get('/wyre/'),
      'static asset': await request.get(asset()),
      'on-demand page': await request.get('/admin/login/'),
      json: await request.get('/api/public-key'),
      redirect: await request.post('/wyre/assessment/', { headers: { origin: baseURL! }, maxRedirects: 0 }),
      'not found': await request.get('/no-such-page/'),
    };
    for (const [kind, response] of Object.entries(responses)) {
      const headers = response.headers();
      expect(headers['x-frame-options'], kind).toBe('DENY');
      expect(headers['x-content-type-options'], kind).toBe('nosniff');
      expect(headers['referrer-policy'], kind).toBe('same-origin');
      expect(headers['content-security-policy'], kind).toContain("frame-ancestors 'none'");
      // The e2e server's address is http: no HSTS.
      expect(headers['strict-transport-security'], kind).toBeUndefined();
    }
    expect(responses.redirect.status()).toBe(303);
    // An on-demand page's policy also covers its scripts and styles (prerendered pages carry theirs in a <meta>).
    expect(responses['on-demand page'].headers()['content-security-policy']).toMatch(/script-src 'self'[^;]*; style-src 'self'/);
    expect(await responses['static page'].text()).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'self';[^"]*script-src 'self'/);
  });

  test('HSTS is sent when COURSE_PUBLIC_URL is https, on static and on-demand responses', async () => {
    await withServer('hsts', { COURSE_PUBLIC_URL: 'https://learning.wyre.gov.uk' }, async (server) => {
      for (const path of ['/wyre/', asset(), '/admin/login/', '/api/public-key']) {
        expect((await fetch(`${server.base}${path}`)).headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      }
    });
  });

  /** Records CSP violations on the page, and console messages about the policy. */
  async function watchPolicy(page: Page): Promise<string[]> {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/content security policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
    await page.exposeFunction('reportViolation', (text: string) => problems.push(`violation: ${text}`));
    await page.addInitScript(() => {
      addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return problems;
  }

  test('the islands run under the policy: a lesson\'s check, a scenario and the assessment, with no violation', async ({ page }) => {
    const problems = await watchPolicy(page);
    // A lesson whose knowledge check loads when scrolled to, and is answered.
    const check = checksOf('wyre').find((c) => c.lesson === 'wyre/modules/04-libel')!;
    const question = check.questions[0]!;
    await page.goto(lessonUrl(check.lesson));
    await page.locator('#check').scrollIntoViewIfNeeded();
    await expect(page.locator('#check')).toHaveAttribute('data-ready', '');
    const form = page.locator(`#kc-${question.id}`);
    await form.locator('input').first().check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.locator(`#kc-${question.id}-feedback`)).toBeVisible();
    // A scenario, with one decision taken.
    await page.goto(scenarioUrl(scenariosOf('wyre')[0]!));
    await expect(page.locator('[data-island][data-ready]')).toHaveCount(1);
    await page.locator('.cc-decision button').first().click();
    await expect(page.locator('.cc-decision h4').first()).toBeVisible();
    // The flowchart (an inlined stylesheet) and the assessment (on-demand, its policy in a header).
    await page.goto('/wyre/flowchart/');
    await page.goto('/wyre/assessment/');
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await expect(page.locator('.cc-question')).toHaveCount(10);
    expect(problems).toEqual([]);
    // And the policy is in force: an injected inline script is refused, and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect.poll(() => problems.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });
});

test.describe('storage (rows 16 and 17)', () => {
  test('a full database answers 503 "Storage is unavailable" with Retry-After, for a sign-off too; reads go on', async () => {
    test.setTimeout(60_000);
    // COURSE_DB_MAX_PAGES=1: the database may not grow past its size at start, like a full disk.
    await withServer('full', { COURSE_DB_MAX_PAGES: '1' }, async (server, db) => {
      const attempt = await passAttempt(server.base, 'wyre');
      let response: Response | undefined;
      for (let i = 0; i < 500; i++) {
        response = await fetch(`${server.base}/wyre/assessment/`, { method: 'POST', headers: { origin: server.base }, redirect: 'manual' });
        if (response.status !== 303) break;
      }
      expect(response!.status).toBe(503);
      expect(response!.headers.get('retry-after')).toBe('30');
      expect(await response!.text()).toMatch(/^Storage is unavailable/);
      // Signing with a pass taken earlier: the storage failure, not "some of the course is still to do".
      const signOff = await postSignOff(server.base, 'wyre', attempt, randomBytes(16).toString('base64url'));
      expect(signOff.status).toBe(503);
      expect(await signOff.text()).toMatch(/^Storage is unavailable/);
      const read = new DatabaseSync(db, { readOnly: true });
      expect((read.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(0);
      read.close();
      expect((await fetch(`${server.base}/wyre/assessment/`)).status).toBe(200);
    });
  });

  test('a database folder the server cannot write stops the start with a message naming it, and exit status 1', async () => {
    const folder = join(dir, 'read-only');
    mkdirSync(folder, { mode: 0o555 });
    chmodSync(folder, 0o555);
    // root may write anywhere: run the server as "nobody" then.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawn(process.execPath, [join(root, 'dist', 'server', 'entry.mjs')], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(await freePort()), COURSE_DB: join(folder, 'course.db'), COURSE_SIGNING_KEY: '' },
      ...asNobody,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const code = await Promise.race([
      new Promise<number | null>((resolve) => child.once('exit', resolve)),
      new Promise<string>((resolve) => setTimeout(resolve, 15_000, 'still running')),
    ]);
    child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(output).toContain(`Cannot use the course database at ${join(folder, 'course.db')}`);
    expect(output).toContain(`files in ${folder}`);
    expect(output).toContain('COURSE_DB');
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('a write waiting on another process\'s lock does not hold up a read; it goes ahead once the lock is released', async () => {
    test.setTimeout(60_000);
    await withServer('busy', {}, async (server, db) => {
      const signed = await postSignOff(server.base, 'wyre', await passAttempt(server.base, 'wyre'), randomBytes(16).toString('base64url'));
      const record = /\/certificate\/([^/]+)\//.exec(signed.headers.get('location') ?? '')?.[1] ?? '';
      expect(record).not.toBe('');
      // Another process (as the sqlite3 shell would) holds the write lock for 3 seconds.
      const holder = spawn(process.execPath, ['-e', `
        const db = new (require('node:sqlite').DatabaseSync)(process.env.HOLD_DB);
        db.exec('BEGIN IMMEDIATE'); console.log('locked');
        setTimeout(() => { db.exec('ROLLBACK'); console.log('released'); }, 3000);`], { env: { ...process.env, HOLD_DB: db } });
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const write = timed(fetch(`${server.base}/wyre/assessment/`, { method: 'POST', headers: { origin: server.base }, redirect: 'manual' }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const read = await timed(fetch(`${server.base}/verify/${record}/`));
      expect(read.value.status).toBe(200);
      expect(read.ms).toBeLessThan(1000);
      const written = await write;
      expect(written.value.status).toBe(303);
      expect(written.ms).toBeGreaterThan(2000);
      await exited;
    });
  });
});

test.describe('roster upload (row 21)', () => {
  const email = 'mo@example.org';
  const password = 'correct horse battery staple';

  /** Posts a multipart roster of `total` bytes, chunked (no Content-Length); resolves when the answer comes. */
  function chunkedUpload(base: string, cookie: string, total: number): Promise<{ status: number; ms: number; sent: number; body: string }> {
    const boundary = `----hardening${randomBytes(8).toString('hex')}`;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      let sent = 0;
      let answered = false;
      const req = httpRequest(`${base}/admin/import/`, {
        method: 'POST',
        headers: { origin: base, cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        const ms = performance.now() - started;
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, ms, sent, body });
        });
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="roster"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 'Cllr A,a@x.gov.uk,councillor,Ward,wyre,2026-06-30\n');
      const pump = (): void => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
  }

  const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

  test('a 20 MB chunked upload is refused with 413 while it streams in, without the server holding it in memory', async () => {
    test.setTimeout(60_000);
    await withServer('upload', {}, async (server, db) => {
      execFileSync(process.execPath, [join(root, 'scripts', 'admin.ts'), 'create', '--email', email, '--name', 'Morag Officer'], {
        env: { ...process.env, COURSE_DB: db, ADMIN_PASSWORD: password }, stdio: 'pipe',
      });
      const login = await fetch(`${server.base}/admin/login/`, {
        method: 'POST', redirect: 'manual',
        headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password }).toString(),
      });
      expect(login.status).toBe(303);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const before = rss(server.child.pid!);
      const total = 20 * 1024 * 1024;
      const upload = await chunkedUpload(server.base, cookie, total);
      expect(upload.status).toBe(413);
      expect(upload.body).toContain('The file is too large: at most 2 MB.');
      expect(upload.sent).toBeLessThan(total);
      expect(upload.ms).toBeLessThan(1000);
      expect(rss(server.child.pid!) - before).toBeLessThan(30 * 1024 * 1024);
      // A roster within the limit still imports.
      const small = new FormData();
      small.append('roster', new File(['name,email,role,ward or committee,course pack,induction due date\nCllr Jo Bloggs,jo@x.gov.uk,councillor,Ward A,wyre,2026-06-30\n'], 'r.csv', { type: 'text/csv' }));
      const ok = await fetch(`${server.base}/admin/import/`, { method: 'POST', headers: { origin: server.base, cookie }, body: small });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('Imported: 1 new member');
    });
  });
});
