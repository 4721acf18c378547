/**
 * Email end to end, over real SMTP to a relay on loopback (smtp-sink.ts), each message read back
 * with mailparser: a roster imported, invitations sent, each link followed to the member's course,
 * one member completes and signs; a reminder goes to the overdue member only; `npm run mail` queues
 * nothing twice; the server killed mid-send sends nothing twice and loses nothing; STARTTLS and
 * AUTH as a council relay asks, a failure listed on /admin/mail/ and sent by "Try again".
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';
import { passAttempt, postSignOff, recordProgress } from './server-support.ts';
import { startSink, type Sink } from './smtp-sink.ts';

const root = join(import.meta.dirname, '..', '..');
const officer = { email: 'mo@example.org', password: 'correct horse battery staple' };
const limits = { COURSE_RATE_SIGN_OFF: '100000', COURSE_RATE_LOGIN: '100000', COURSE_RATE_ATTEMPT: '100000', COURSE_RETAKE_COOLDOWN_MINUTES: '0' };

test.describe.configure({ mode: 'serial' });

/** A database with an officer account, in a folder of its own. */
function setUp(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mail-e2e-'));
  const db = join(dir, 'course.db');
  execFileSync(process.execPath, [join(root, 'scripts', 'admin.ts'), 'create', '--email', officer.email, '--name', 'Morag Officer'], {
    env: { ...process.env, COURSE_DB: db, COURSE_SIGNING_KEY: '', ADMIN_PASSWORD: officer.password }, stdio: 'pipe',
  });
  return { dir, db };
}

function mailEnv(sink: Sink, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...limits, COURSE_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, COURSE_MAIL_FROM: '"Wyre Monitoring Officer" <mo@example.org>',
    COURSE_PUBLIC_URL: `http://127.0.0.1:${port}`, COURSE_MAIL_INTERVAL_SECONDS: '1', ...extra,
  };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/admin/login/`, {
    method: 'POST', redirect: 'manual', headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(officer).toString(),
  });
  expect(response.status).toBe(303);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const post = (base: string, path: string, cookie: string, form: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

async function importRoster(base: string, cookie: string, rows: string[]): Promise<void> {
  const csv = ['name,email,role,ward or committee,course pack,induction due date', ...rows].join('\r\n');
  const response = await fetch(`${base}/admin/import/`, { method: 'POST', headers: { origin: base, cookie, 'content-type': 'text/csv' }, body: csv });
  expect(response.status).toBe(200);
}

const linkIn = (text: string): string => /(http:\/\/127\.0\.0\.1:\d+\/c\/[A-Za-z0-9_-]{32}\/)/.exec(text)![1]!;
const read = <T>(db: string, sql: string): T[] => {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
};

test('invitations reach each member; each link opens their course; one signs; a reminder goes to the overdue member only', async () => {
  test.setTimeout(120_000);
  const { dir, db } = setUp();
  const sink = await startSink();
  const port = await freePort();
  let server: Running | undefined;
  try {
    server = await startServer(db, port, mailEnv(sink, port));
    const cookie = await signIn(server.base);
    await importRoster(server.base, cookie, [
      '"Siân O\'Llŷr & Co",sian@example.org,councillor,Rossall,wyre,2099-06-30',
      'Overdue Olwen,olwen@example.org,councillor,Pharos,wyre,2020-01-31',
      'Zoë Brontë,zoe@example.org,co-opted member,Audit Committee,ashfield,2099-06-30',
    ]);
    expect((await post(server.base, '/admin/mail/', cookie, { action: 'invite-all' })).status).toBe(303);
    const members = ['olwen@example.org', 'sian@example.org', 'zoe@example.org'];
    const invitations = (await Promise.all(members.map((to) => sink.waitFor(1, to)))).flat();
    expect(invitations.map((m) => m.to)).toEqual(members);
    for (const m of invitations) {
      expect(m.mail.from?.text).toBe('"Wyre Monitoring Officer" <mo@example.org>');
      expect(m.mail.html).toContain(`href="${linkIn(m.mail.text!)}"`);
    }
    const sian = invitations.find((m) => m.to === 'sian@example.org')!;
    expect(sian.mail.subject).toBe('Wyre Council: your social media course');
    expect(sian.mail.text).toContain('Dear Siân O\'Llŷr & Co,');
    expect(sian.mail.text).toContain('Monitoring Officer\nWyre Council');
    expect(sian.mail.html).toContain('Dear Siân O&#39;Llŷr &amp; Co,');
    expect(invitations.find((m) => m.to === 'zoe@example.org')!.mail.subject).toBe('Ashfield District Council: your social media course');

    // Each link opens the member's own course, greeting them; Siân completes it and signs.
    const cookies = new Map<string, string>();
    for (const m of invitations) {
      const link = linkIn(m.mail.text!);
      expect(await (await fetch(link)).text()).toContain('Continue as ');
      const continued = await fetch(link, { method: 'POST', redirect: 'manual', headers: { origin: server.base } });
      expect(continued.status).toBe(303);
      const member = continued.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const me = await fetch(`${server.base}${continued.headers.get('location')}`, { headers: { cookie: member } });
      expect(await me.text()).toContain(`Welcome, ${m.to === 'sian@example.org' ? 'Siân O&#39;Llŷr &amp; Co' : m.to === 'zoe@example.org' ? 'Zoë Brontë' : 'Overdue Olwen'}`);
      cookies.set(m.to, member);
    }
    const siansCookie = cookies.get('sian@example.org')!;
    await recordProgress(server.base, 'wyre', siansCookie);
    const attempt = await passAttempt(server.base, 'wyre', siansCookie);
    expect((await postSignOff(server.base, 'wyre', attempt, randomBytes(16).toString('base64url'), 'Siân', siansCookie)).status).toBe(303);
    expect(read<{ n: number }>(db, "SELECT count(*) AS n FROM record_members rm JOIN members m ON m.id = rm.member_id WHERE m.email = 'sian@example.org'")[0]!.n).toBe(1);

    // Reminders wait a day after the invitation: as if the invitations went two days ago. Then the overdue member only.
    const write = new DatabaseSync(db);
    write.prepare("UPDATE mail_outbox SET created_at = '2026-01-01T09:00:00.000Z' WHERE kind = 'invitation'").run();
    write.close();
    expect((await post(server.base, '/admin/mail/', cookie, { action: 'send-due' })).status).toBe(303);
    const [, reminder] = await sink.waitFor(2, 'olwen@example.org');
    expect(reminder!.mail.subject).toBe('Overdue: Wyre Council social media course');
    expect(linkIn(reminder!.mail.text!)).toBe(linkIn(invitations[0]!.mail.text!));
    await new Promise((r) => setTimeout(r, 2500)); // a round or two more
    expect(sink.to('sian@example.org')).toHaveLength(1);
    expect(sink.to('zoe@example.org')).toHaveLength(1);
    expect(sink.to('olwen@example.org')).toHaveLength(2);
    // The officer's digest: one this week.
    expect(sink.to('mo@example.org').map((m) => m.mail.subject)).toEqual(['Social media course: this week\'s figures']);
    expect(sink.to('mo@example.org')[0]!.mail.text).toContain('Wyre Council: ');

    // The command line: everything due is queued already, so nothing more; --invite invites a member added since.
    await importRoster(server.base, cookie, ['New Nia,nia@example.org,councillor,Rossall,wyre,2099-06-30']);
    // Not execFileSync: the relay runs in this process and must answer while the command waits.
    const cli = async (flag: string) => (await promisify(execFile)(process.execPath, [join(root, 'scripts', 'mail.ts'), flag], { env: { ...process.env, COURSE_DB: db, COURSE_SIGNING_KEY: '', ...mailEnv(sink, port) }, encoding: 'utf8' })).stdout;
    expect(await cli('--send-due')).toContain('Queued 0 invitations, 0 reminders and 0 digests; sent 0, failed 0');
    // (The server's own round may send it first: either way it goes once.)
    expect(await cli('--invite')).toContain('Queued 1 invitations, 0 reminders and 0 digests');
    const [nia] = await sink.waitFor(1, 'nia@example.org');
    const niaLink = linkIn(nia!.mail.text!);
    // The member page shows the same link again (not a new one), so the email's link still works.
    const page = await (await fetch(`${server.base}/admin/members/${read<{ id: number }>(db, "SELECT id FROM members WHERE email = 'nia@example.org'")[0]!.id}/`, { headers: { cookie } })).text();
    expect(page).toContain(niaLink);
    expect(await (await fetch(niaLink)).text()).toContain('Continue as New Nia');
    // Downloading everyone's links gives the same links again, and they keep working.
    const csv = await (await post(server.base, '/admin/links.csv', cookie, { scope: 'all' })).text();
    expect(csv).toContain(niaLink);
    expect(csv).toContain(linkIn(sian.mail.text!));
    expect(await (await fetch(niaLink)).text()).toContain('Continue as New Nia');
    // Nothing was sent twice.
    expect(new Set(sink.accepted.map((m) => m.messageId)).size).toBe(sink.accepted.length);
  } finally {
    if (server) await stopServer(server);
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('killed mid-send (the relay holding its reply), the restarted server sends nothing twice and loses nothing', async () => {
  test.setTimeout(120_000);
  const { dir, db } = setUp();
  const sink = await startSink();
  const port = await freePort();
  const env = mailEnv(sink, port, { COURSE_MAIL_LEASE_SECONDS: '2' });
  let server = await startServer(db, port, env);
  try {
    const cookie = await signIn(server.base);
    await importRoster(server.base, cookie, [1, 2, 3, 4].map((i) => `Member ${i},m${i}@example.org,councillor,Rossall,wyre,2099-06-30`));
    await sink.waitFor(1, officer.email); // the week's digest, sent at start-up
    sink.hold = true;
    const before = sink.received.length;
    expect((await post(server.base, '/admin/mail/', cookie, { action: 'invite-all' })).status).toBe(303);
    for (let i = 0; sink.received.length === before; i++) {
      if (i > 400) throw new Error('the server sent nothing');
      await new Promise((r) => setTimeout(r, 25));
    }
    await stopServer(server, 'SIGKILL');
    const held = sink.received[before]!;
    sink.hold = false;
    expect(sink.accepted).toHaveLength(1);
    expect(read<{ status: string }>(db, "SELECT status FROM mail_outbox WHERE kind = 'invitation' ORDER BY id").map((r) => r.status).sort()).toEqual(['queued', 'queued', 'queued', 'sending']);

    server = await startServer(db, port, env);
    const delivered = (await sink.waitFor(5)).filter((m) => m.to !== officer.email);
    await new Promise((r) => setTimeout(r, 3000)); // a round or two more: nothing else goes
    expect(sink.accepted).toHaveLength(5);
    expect(delivered.map((m) => m.to).sort()).toEqual(['m1@example.org', 'm2@example.org', 'm3@example.org', 'm4@example.org']);
    // The message held when the server died went again, with the same Message-ID.
    expect(delivered.find((m) => m.to === held.to)!.messageId).toBe(held.messageId);
    const rows = read<{ status: string; attempts: number; message_id: string }>(db, "SELECT status, attempts, message_id FROM mail_outbox WHERE kind = 'invitation' ORDER BY id");
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(rows.find((r) => `<${held.messageId.replace(/^<|>$/g, '')}>` === r.message_id)?.attempts).toBe(2);
  } finally {
    await stopServer(server);
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('STARTTLS and AUTH: a refused login is listed with its error, and "Try again" sends it once the password is right', async () => {
  test.setTimeout(120_000);
  const { dir, db } = setUp();
  const sink = await startSink({ tls: { dir }, auth: { user: 'relay-user', pass: 'relay pass&word' } });
  const port = await freePort();
  const env = (pass: string) => mailEnv(sink, port, {
    COURSE_SMTP_URL: `smtp://relay-user:${encodeURIComponent(pass)}@127.0.0.1:${sink.port}`, NODE_EXTRA_CA_CERTS: sink.caFile!,
  });
  let server = await startServer(db, port, env('wrong password'));
  try {
    let cookie = await signIn(server.base);
    await importRoster(server.base, cookie, ['Siân Llŷr,sian@example.org,councillor,Rossall,wyre,2099-06-30']);
    // Four tries already spent: the next refusal is the fifth, and the message is failed for good.
    const id = read<{ id: number }>(db, "SELECT id FROM members WHERE email = 'sian@example.org'")[0]!.id;
    expect((await post(server.base, `/admin/members/${id}/`, cookie, { action: 'invite' })).status).toBe(303);
    await expect.poll(() => read<{ e: string | null }>(db, "SELECT last_error AS e FROM mail_outbox WHERE kind = 'invitation'")[0]?.e ?? '', { timeout: 15_000 }).toMatch(/Invalid username or password/);
    const write = new DatabaseSync(db);
    write.prepare("UPDATE mail_outbox SET attempts = 4, next_try_at = '2000-01-01T00:00:00.000Z' WHERE kind = 'invitation'").run();
    write.close();
    await expect.poll(() => read<{ status: string }>(db, "SELECT status FROM mail_outbox WHERE kind = 'invitation'")[0]!.status, { timeout: 15_000 }).toBe('failed');
    const failedPage = await (await fetch(`${server.base}/admin/mail/`, { headers: { cookie } })).text();
    expect(failedPage).toContain('sian@example.org');
    expect(failedPage).toMatch(/Invalid username or password/);
    expect(failedPage).toContain('Try again');
    await stopServer(server);

    server = await startServer(db, port, env('relay pass&word'));
    cookie = await signIn(server.base);
    const messageId = read<{ id: number }>(db, "SELECT id FROM mail_outbox WHERE kind = 'invitation'")[0]!.id;
    const retried = await post(server.base, '/admin/mail/', cookie, { action: 'retry', id: String(messageId) });
    expect(retried.status).toBe(303);
    expect(await (await fetch(`${server.base}${retried.headers.get('location')}`, { headers: { cookie } })).text()).toContain('The message is queued again');
    const [delivered] = await sink.waitFor(1, 'sian@example.org');
    expect(delivered!.secure).toBe(true);
    expect(delivered!.user).toBe('relay-user');
    expect(delivered!.to).toBe('sian@example.org');
    // The relay has the message before the server hears its reply and marks it sent.
    await expect.poll(() => read<{ status: string }>(db, "SELECT status FROM mail_outbox WHERE kind = 'invitation'")[0]!.status, { timeout: 15_000 }).toBe('sent');
  } finally {
    await stopServer(server);
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without COURSE_SMTP_URL, email is off and the pages say so', async () => {
  const { dir, db } = setUp();
  const port = await freePort();
  const server = await startServer(db, port, limits);
  try {
    const cookie = await signIn(server.base);
    const page = await (await fetch(`${server.base}/admin/mail/`, { headers: { cookie } })).text();
    expect(page).toContain('Email is off: COURSE_SMTP_URL is not set');
    expect((await post(server.base, '/admin/mail/', cookie, { action: 'invite-all' })).status).toBe(409);
    expect(await (await fetch(`${server.base}/admin/`, { headers: { cookie } })).text()).toContain('is off: set COURSE_SMTP_URL');
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
