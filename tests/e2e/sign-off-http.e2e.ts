/**
 * The server's answers to bad input, over HTTP: each bad post gets a 4xx with a clear message and
 * stores nothing; a double submit stores one record; forged scores are ignored; everything typed
 * comes back escaped. Also the verification API and the assessment's own refusals.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { e2eDatabase } from '../../playwright.config.ts';
import { loadSigningKey, registerKey } from '../../src/lib/server/keys.ts';
import { revokeRecord } from '../../src/lib/server/records.ts';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { courseFor, formHeaders, perfectProgress, query, recordCount, storedEnvelope, takeAssessment } from './server-support.ts';

const pack = 'wyre';
const course = courseFor(pack);

function signOffForm(attempt: string, overrides: Record<string, string | undefined> = {}): string {
  const fields: Record<string, string | undefined> = {
    pack,
    attempt,
    submission: randomBytes(16).toString('base64url'),
    name: 'Zoë Brontë-Ó Dálaigh',
    role: 'co-opted member',
    wardOrCommittee: 'Standards Committee',
    email: 'zoe@example.org',
    declaration: 'agreed',
    progress: JSON.stringify(perfectProgress(course)),
    ...overrides,
  };
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  return form.toString();
}

async function post(request: APIRequestContext, baseURL: string, body: string, headers = formHeaders(baseURL)) {
  return request.post('/sign-off/', { headers, data: body, maxRedirects: 0 });
}

test.describe.configure({ mode: 'serial' });

test.describe('POST /sign-off/ refuses bad input, stores nothing', () => {
  let passed: string;
  let failed: string;
  test.beforeAll(async ({ request, baseURL }) => {
    passed = await takeAssessment(request, baseURL!, pack, true);
    failed = await takeAssessment(request, baseURL!, pack, false);
  });

  const wrongTurn = () => {
    const p = perfectProgress(course);
    p.scenarios[course.scenarios[0]!.id]!.answers[0]!.node = 'q-unhappy';
    return JSON.stringify(p);
  };
  const missingLesson = () => {
    const p = perfectProgress(course);
    p.lessons = p.lessons.slice(1);
    return JSON.stringify(p);
  };

  const cases: [string, (a: { passed: string; failed: string }) => Record<string, string | undefined>, number, RegExp][] = [
    ['a missing name', () => ({ name: undefined }), 400, /Enter your full name/],
    ['a blank name', () => ({ name: '   ' }), 400, /Enter your full name/],
    ['an over-long name', () => ({ name: 'A'.repeat(101) }), 400, /100 characters or fewer/],
    ['markup in the name', () => ({ name: '<script>alert(1)</script>' }), 400, /can only contain letters/],
    ['a missing role', () => ({ role: undefined }), 400, /councillor or a co-opted member/],
    ['an unknown role', () => ({ role: 'mayor' }), 400, /councillor or a co-opted member/],
    ['a missing ward or committee', () => ({ wardOrCommittee: '' }), 400, /Enter your ward or committee/],
    ['an over-long ward', () => ({ wardOrCommittee: 'W'.repeat(121) }), 400, /120 characters or fewer/],
    ['a bad email address', () => ({ email: 'not-an-email' }), 400, /correct format/],
    ['an unticked declaration', () => ({ declaration: undefined }), 400, /Tick the box/],
    ['an unknown pack', () => ({ pack: 'atlantis' }), 400, /no course called &quot;atlantis&quot;/],
    ['a missing one-time key', () => ({ submission: 'x' }), 400, /one-time key/],
    ['an unknown attempt', () => ({ attempt: 'A'.repeat(22) }), 400, /attempt is not known/],
    ['a malformed attempt', () => ({ attempt: "' OR 1=1 --" }), 400, /attempt is not known/],
    ['a failed attempt', (a) => ({ attempt: a.failed }), 422, /cannot sign yet/],
    ['progress that is not JSON', () => ({ progress: '{"v":1,' }), 400, /could not be read/],
    ['progress for another pack', () => ({ progress: JSON.stringify({ ...perfectProgress(course), pack: 'ashfield' }) }), 400, /could not be read/],
    ['a decision out of turn', () => ({ progress: wrongTurn() }), 400, /does not match this course/],
    ['a lesson not read', () => ({ progress: missingLesson() }), 422, /cannot sign yet/],
    ['no progress at all', () => ({ progress: undefined }), 422, /cannot sign yet/],
  ];

  for (const [label, change, status, message] of cases) {
    test(`${label}: ${status}`, async ({ request, baseURL }) => {
      const before = recordCount();
      const response = await post(request, baseURL!, signOffForm(passed, change({ passed, failed })));
      expect(response.status()).toBe(status);
      const body = await response.text();
      expect(body).toMatch(message);
      expect(recordCount()).toBe(before);
    });
  }

  test('markup typed into fields comes back escaped, never as markup', async ({ request, baseURL, page }) => {
    const response = await post(request, baseURL!, signOffForm(passed, { name: '<img src=x onerror=alert(1)>', wardOrCommittee: '"><script>alert(2)</script>' }));
    const body = await response.text();
    // Inside a quoted attribute `<` is inert; the quote that would end the attribute is escaped.
    expect(body).not.toContain('"><script>alert(2)');
    expect(body).toContain('value="&quot;><script>alert(2)</script>"');
    expect(body.split('<img src=x').length).toBe(body.split('value="<img src=x').length);
    // Read by a browser: no element was injected, the values come back exactly as typed.
    await page.setContent(body.replace(/<script type="module"[^>]*><\/script>/g, ''));
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('#name')).toHaveValue('<img src=x onerror=alert(1)>');
    await expect(page.locator('#wardOrCommittee')).toHaveValue('"><script>alert(2)</script>');
  });

  test('an oversized body: 413', async ({ request, baseURL }) => {
    const before = recordCount();
    const response = await post(request, baseURL!, signOffForm(passed, { progress: 'x'.repeat(200_000) }));
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain('too large');
    expect(recordCount()).toBe(before);
  });

  test('a body that is not a form: 415', async ({ request, baseURL }) => {
    const response = await post(request, baseURL!, JSON.stringify({ pack }), { origin: baseURL!, 'content-type': 'text/plain' });
    expect([403, 415]).toContain(response.status());
  });

  test('a cross-origin post: 403', async ({ request, baseURL }) => {
    const before = recordCount();
    const response = await post(request, baseURL!, signOffForm(passed), { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status()).toBe(403);
    expect(recordCount()).toBe(before);
  });

  test('a double submit stores one record; the attempt then cannot sign again (409)', async ({ request, baseURL }) => {
    const before = recordCount();
    const body = signOffForm(passed);
    const [one, two] = await Promise.all([post(request, baseURL!, body), post(request, baseURL!, body)]);
    expect(one.status()).toBe(303);
    expect(two.status()).toBe(303);
    expect(one.headers().location).toBe(two.headers().location);
    expect(recordCount()).toBe(before + 1);
    const again = await post(request, baseURL!, signOffForm(passed));
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain('already been used');
    expect(recordCount()).toBe(before + 1);
  });

  test('forged scores are ignored: the record holds the server\'s own marking', async ({ request, baseURL }) => {
    const attempt = await takeAssessment(request, baseURL!, pack, true);
    const p = perfectProgress(course);
    const s = course.scenarios[0]!;
    // Every answer wrong, each claiming to be right; plus a "score" field the server must ignore.
    p.scenarios[s.id] = { answers: s.path.map((step) => ({ node: step.node, answer: step.answer === 'yes' ? 'no' : 'yes', correct: true })), ...(s.replies ? { reply: s.replies.findIndex((r) => r.breaks.length === 0), replyCorrect: true } : {}), done: true };
    const response = await post(request, baseURL!, `${signOffForm(attempt, { progress: JSON.stringify(p) })}&score=100&correct=999`);
    expect(response.status()).toBe(303);
    const id = /certificate\/([0-9a-f-]{36})\//.exec(response.headers().location!)![1]!;
    const { record } = storedEnvelope(id);
    const scored = record.scenarios.find((r: { scenario: string }) => r.scenario === s.id);
    expect(scored.decisions.every((d: { correct: boolean }) => !d.correct)).toBe(true);
    expect(record.scores.scenarios.correct).toBe(record.scores.scenarios.asked - s.path.length);
    expect(JSON.stringify(record)).not.toContain('999');
  });
});

test.describe('verification', () => {
  let id: string;
  test.beforeAll(async ({ request, baseURL }) => {
    const attempt = await takeAssessment(request, baseURL!, pack, true);
    const response = await post(request, baseURL!, signOffForm(attempt, { name: 'Siân Ŵyn Llŷr' }));
    id = /certificate\/([0-9a-f-]{36})\//.exec(response.headers().location!)![1]!;
  });

  test('GET /api/records/<id> gives anyone only what checking needs; POST /api/verify says the record holds, and what it verified, and not once changed', async ({ request }) => {
    const summary = await (await request.get(`/api/records/${id}`)).json();
    expect(summary).toMatchObject({ id, status: 'valid', name: 'Siân Ŵyn Llŷr', identity: { level: 'self-declared' } });
    // Review row 7: no email, answers, scores or signature for whoever holds the ID.
    expect(Object.keys(summary).sort()).toEqual(['council', 'id', 'identity', 'keyId', 'name', 'policy', 'role', 'signedAt', 'status', 'wardOrCommittee']);
    const envelope = storedEnvelope(id);
    expect(envelope).toMatchObject({ algorithm: 'Ed25519', record: { id, member: { name: 'Siân Ŵyn Llŷr' }, identity: { level: 'self-declared' } } });
    const verify = (data: unknown) => request.post('/api/verify', { data, headers: { 'content-type': 'application/json' } });
    expect(await (await verify(envelope)).json()).toMatchObject({
      valid: true, status: 'valid', verified: { id, name: 'Siân Ŵyn Llŷr', signedAt: envelope.record.signedAt, identity: 'self-declared' },
    });
    const changed = structuredClone(envelope);
    changed.record.scores.assessment.percent = 100;
    changed.record.member.name = 'Sian Wyn Llyr';
    expect(await (await verify(changed)).json()).toMatchObject({ valid: false, status: 'invalid' });
    expect(await (await verify({ ...envelope, signature: Buffer.alloc(64).toString('base64') })).json()).toMatchObject({ valid: false });
  });

  test('a file with a repeated key, or reformatted, does not verify, though JSON.parse would keep the genuine copy (review row 6)', async ({ request }) => {
    const envelope = storedEnvelope(id);
    const issued = JSON.stringify(envelope, null, 2);
    const post = (text: string) => request.post('/api/verify', { data: text, headers: { 'content-type': 'application/json' } });
    expect(await (await post(issued)).json()).toMatchObject({ valid: true, verified: { name: 'Siân Ŵyn Llŷr' } });
    // A reader sees "Cllr Somebody Else" first; JSON.parse keeps the genuine member that follows.
    const forged = issued.replace('"member": {', '"member": { "name": "Cllr Somebody Else", "role": "councillor", "wardOrCommittee": "X", "email": null },\n    "member": {');
    expect(JSON.parse(forged).record.member.name).toBe('Siân Ŵyn Llŷr');
    const verdict = await (await post(forged)).json();
    expect(verdict).toMatchObject({ valid: false, status: 'invalid', reason: expect.stringContaining('not exactly as the course issued it') });
    expect(await (await post(JSON.stringify(envelope, null, 4))).json()).toMatchObject({ valid: false, status: 'invalid' });
  });

  test('the record names the lesson text built with the site (/<pack>/content-hashes.json)', async ({ request }) => {
    const { record } = storedEnvelope(id);
    const built = await (await request.get(`/${pack}/content-hashes.json`)).json();
    expect(record.course.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.course.contentHash).toBe(built.contentHash);
    expect(record.course.lessons).toEqual(built.lessons);
    expect(record.course.lessons).toHaveLength(course.lessons.length);
  });

  test('the PDF prints an accented name as typed', async ({ request, baseURL }) => {
    const attempt = await takeAssessment(request, baseURL!, pack, true);
    const response = await post(request, baseURL!, signOffForm(attempt));
    const zoe = /certificate\/([0-9a-f-]{36})\//.exec(response.headers().location!)![1]!;
    const pdf = await request.get(`/certificate/${zoe}.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await pdf.body(), encoding: 'utf8' });
    expect(text).toContain('Zoë Brontë-Ó Dálaigh');
    expect(text).toContain(zoe);
    expect(text).toContain('Co-opted member, Standards Committee');
  });

  test('the PDF prints a Devanagari name (review row 8: its shaping took the PDF down with a 500)', async ({ request, baseURL }) => {
    const attempt = await takeAssessment(request, baseURL!, pack, true);
    const response = await post(request, baseURL!, signOffForm(attempt, { name: 'प्रिया शर्मा', email: 'priya@example.org' }));
    expect(response.status()).toBe(303);
    const id = /certificate\/([0-9a-f-]{36})\//.exec(response.headers().location!)![1]!;
    const pdf = await request.get(`/certificate/${id}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await pdf.body(), encoding: 'utf8' });
    expect(text.normalize('NFC')).toContain('प्रिया शर्मा');
  });

  test('a revocation (a new event) turns the verification page to revoked; the record still verifies as signed', async ({ page, request, baseURL }) => {
    const attempt = await takeAssessment(request, baseURL!, pack, true);
    const response = await post(request, baseURL!, signOffForm(attempt));
    const revoked = /certificate\/([0-9a-f-]{36})\//.exec(response.headers().location!)![1]!;
    // Revoked as the officer's page does it (signed, and anchored in the audit log with the server's key).
    const path = join(import.meta.dirname, '..', '..', e2eDatabase);
    const db = new DatabaseSync(path, { timeout: 5000 });
    const key = loadSigningKey({ create: false, database: path });
    registerKey(db, key);
    revokeRecord(db, key, revoked, 'Signed for the wrong council', 'Monitoring Officer');
    db.close();
    await page.goto(`/verify/${revoked}/`);
    await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'revoked');
    // Review row 7: the public page says the council revoked it, and when; not why, nor who.
    await expect(page.locator('.cc-status')).toContainText('The council revoked this record on');
    await expect(page.locator('main')).not.toContainText('Signed for the wrong council');
    await expect(page.locator('main')).not.toContainText('Monitoring Officer');
    const summary = await (await request.get(`/api/records/${revoked}`)).json();
    expect(summary.status).toBe('revoked');
    expect(JSON.stringify(summary)).not.toContain('wrong council');
    const verdict = await (await request.post('/api/verify', { data: storedEnvelope(revoked), headers: { 'content-type': 'application/json' } })).json();
    expect(verdict).toMatchObject({ valid: false, status: 'revoked', verified: { id: revoked } });
    expect(JSON.stringify(verdict)).not.toContain('wrong council');
    await page.goto(`/certificate/${revoked}/`);
    await expect(page.getByRole('alert')).toContainText('This certificate has been revoked');
    await expect(page.getByRole('alert')).not.toContainText('wrong council');
  });

  test('GET /api/public-key names the key the record was signed with', async ({ request }) => {
    const key = await (await request.get('/api/public-key')).json();
    const { record } = storedEnvelope(id);
    expect(key.keyId).toBe(record.keyId);
    expect(key.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(query<{ n: number }>('SELECT count(*) AS n FROM signing_keys').n).toBeGreaterThan(0);
  });

  test('bad verification requests get a 4xx with a reason', async ({ request }) => {
    const notJson = await request.post('/api/verify', { data: '{"record":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status()).toBe(400);
    const wrongShape = await request.post('/api/verify', { data: { hello: 1 }, headers: { 'content-type': 'application/json' } });
    expect(wrongShape.status()).toBe(400);
    const huge = await request.post('/api/verify', { data: JSON.stringify({ record: 'x'.repeat(300_000), signature: '' }), headers: { 'content-type': 'application/json' } });
    expect(huge.status()).toBe(413);
    // An ID that is not text (here an object whose toString is not a function) is invalid, not a 500 (review row 15).
    const hostile = await request.post('/api/verify', { data: '{"record":{"keyId":"3fbd06ee94ce20ef","id":{"toString":1}},"signature":"x"}', headers: { 'content-type': 'application/json' } });
    expect(hostile.status()).toBe(200);
    expect(await hostile.json()).toMatchObject({ valid: false, status: 'invalid' });
    expect((await request.get('/api/records/not-a-record')).status()).toBe(404);
    expect((await request.get('/verify/00000000-0000-4000-8000-000000000000/')).status()).toBe(404);
    expect((await request.get('/certificate/00000000-0000-4000-8000-000000000000/')).status()).toBe(404);
    expect((await request.get('/certificate/00000000-0000-4000-8000-000000000000.pdf')).status()).toBe(404);
  });
});

test.describe('the assessment refuses bad answers', () => {
  test('unknown attempt 404, a second marking 409, blanks 422, impossible answers 400', async ({ request, baseURL }) => {
    const headers = formHeaders(baseURL!);
    expect((await request.get(`/${pack}/assessment/${'B'.repeat(22)}/`)).status()).toBe(404);
    expect((await request.post(`/${pack}/assessment/${'B'.repeat(22)}/`, { headers, data: '' })).status()).toBe(404);
    expect((await request.get('/atlantis/assessment/')).status()).toBe(404);
    const start = await request.post(`/${pack}/assessment/`, { headers, maxRedirects: 0 });
    const url = start.headers().location!;
    const page = await (await request.get(url)).text();
    const ids = [...new Set([...page.matchAll(/name="answer-([a-z0-9-]+)"/g)].map((m) => m[1]!))];
    const blank = await request.post(url, { headers, data: `answer-${ids[0]}=0`, maxRedirects: 0 });
    expect(blank.status()).toBe(422);
    expect(await blank.text()).toContain('Answer question 2');
    const impossible = await request.post(url, { headers, data: ids.map((id) => `answer-${id}=9`).join('&'), maxRedirects: 0 });
    expect(impossible.status()).toBe(400);
    expect(query<{ n: number }>('SELECT count(*) AS n FROM attempts WHERE submitted_at IS NOT NULL AND id = (SELECT id FROM attempts ORDER BY created_at DESC LIMIT 1)').n).toBe(0);
    const done = await request.post(url, { headers, data: ids.map((id) => `answer-${id}=0`).join('&'), maxRedirects: 0 });
    expect(done.status()).toBe(303);
    const again = await request.post(url, { headers, data: ids.map((id) => `answer-${id}=1`).join('&'), maxRedirects: 0 });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain('already been marked');
  });
});
