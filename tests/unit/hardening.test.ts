/**
 * Security review rows 13, 16, 17 and 21 in plain TypeScript: the security headers, how storage
 * failures and a busy database are answered, waiting for the write lock without blocking, and
 * request bodies read only up to their limit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { FRAME_POLICY, securityHeaders, withSecurityHeaders } from '../../src/lib/server/headers.ts';
import { startupFailure, storageFailure, unavailableResponse, waitForWriteLock } from '../../src/lib/server/storage.ts';
import { HttpError, readBytes } from '../../src/lib/server/http.ts';

const dir = mkdtempSync(join(tmpdir(), 'hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real SQLite error, as node:sqlite throws it. */
function sqliteError(run: (db: DatabaseSync) => void, db = new DatabaseSync(':memory:')): Error {
  try {
    run(db);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('security headers', () => {
  it('forbid framing, sniffing and cross-site referrers; HSTS only for an https public address', () => {
    const plain = securityHeaders('http://localhost:4321');
    expect(plain).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
    expect(plain['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(plain).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders('')).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders(' HTTPS://learning.wyre.gov.uk')['strict-transport-security']).toBe('max-age=31536000');
  });

  it('keep a page\'s own script policy and add the frame policy beside it', () => {
    const page = withSecurityHeaders(new Response('<p>hi</p>', { headers: { 'content-security-policy': "script-src 'self' 'sha256-x'", 'referrer-policy': 'no-referrer' } }));
    expect(page.headers.get('content-security-policy')).toBe(`script-src 'self' 'sha256-x', ${FRAME_POLICY}`);
    // A route's own choice stands.
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('are set on redirects too, whose headers cannot be changed in place', () => {
    const redirect = withSecurityHeaders(Response.redirect('http://localhost/next/', 303));
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('http://localhost/next/');
    expect(redirect.headers.get('content-security-policy')).toBe(FRAME_POLICY);
  });
});

describe('storage failures', () => {
  it('are told apart from other errors: full, read-only, I/O, cannot open; busy is not one', () => {
    const full = sqliteError((db) => {
      db.exec('CREATE TABLE t (x); PRAGMA max_page_count = 2');
      for (;;) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(2000));
    });
    expect(storageFailure(full)).toBe('the disk is full');
    const path = join(dir, 'ro.db');
    new DatabaseSync(path).exec('CREATE TABLE t (x)');
    expect(storageFailure(sqliteError((db) => db.exec('INSERT INTO t VALUES (1)'), new DatabaseSync(path, { readOnly: true })))).toBe('the database is read-only');
    expect(storageFailure(Object.assign(new Error('disk I/O error'), { errcode: 778 }))).toBe('a disk read or write failed');
    expect(storageFailure(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the file system is read-only');
    expect(storageFailure(Object.assign(new Error('database is locked'), { errcode: 5 }))).toBeUndefined();
    expect(storageFailure(new Error('no such table: t'))).toBeUndefined();
    expect(storageFailure('database or disk is full')).toBeUndefined();
  });

  it('answer 503 with Retry-After and a message: plain text for pages, JSON under /api/', async () => {
    const full = Object.assign(new Error('database or disk is full'), { errcode: 13 });
    const page = unavailableResponse(full, '/sign-off/')!;
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('30');
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/^Storage is unavailable/);
    const api = unavailableResponse(full, '/api/progress')!;
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await api.json()) as { error: string }).error).toMatch(/^Storage is unavailable/);
    const busy = unavailableResponse(Object.assign(new Error('database is locked'), { errcode: 5 }), '/sign-off/')!;
    expect([busy.status, busy.headers.get('retry-after'), await busy.text()]).toEqual([503, '2', 'The course is busy. Please try again in a moment.\n']);
    expect(unavailableResponse(new Error('something else'), '/sign-off/')).toBeUndefined();
  });

  it('at start-up, say which folder and what to do', () => {
    const message = startupFailure(Object.assign(new Error("EACCES: permission denied, mkdir '/srv/x'"), { code: 'EACCES' }), '/srv/x/course.db')!;
    expect(message).toContain('/srv/x/course.db: permission denied');
    expect(message).toContain('files in /srv/x');
    expect(message).toContain('COURSE_DB');
    expect(startupFailure(new Error('Cannot find migrations'), '/srv/x/course.db')).toBeUndefined();
  });
});

describe('waiting for the write lock', () => {
  it('lets other work run while another connection holds the lock, and goes ahead once it is released', async () => {
    const path = join(dir, 'busy.db');
    const holder = new DatabaseSync(path);
    holder.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x)');
    const db = new DatabaseSync(path, { timeout: 20 });
    holder.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    setTimeout(() => holder.exec('ROLLBACK'), 400);
    const started = Date.now();
    await waitForWriteLock(db, 5000);
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    // The event loop kept turning: a blocking wait would have let the ticker run about twice at most.
    expect(ticks).toBeGreaterThan(10);
    db.exec('INSERT INTO t VALUES (1)');
    holder.close();
    db.close();
  });

  it('gives up with the busy error after the total wait', async () => {
    const path = join(dir, 'held.db');
    const holder = new DatabaseSync(path);
    holder.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x); BEGIN IMMEDIATE');
    const db = new DatabaseSync(path, { timeout: 20 });
    await expect(waitForWriteLock(db, 300)).rejects.toThrow(/database is locked/);
    holder.exec('ROLLBACK');
    holder.close();
    db.close();
  });
});

describe('reading a request body', () => {
  it('stops reading a chunked body once it passes the limit', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
        if (pulled === 1000) controller.close();
      },
    });
    const request = new Request('http://localhost/admin/import/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    const error = await readBytes(request, 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it('turns the adapter\'s own body cap into 413', async () => {
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('Body size limit exceeded: received more than 4194304 bytes')) });
    const request = new Request('http://localhost/sign-off/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    await expect(readBytes(request, 8 * 1024 * 1024)).rejects.toMatchObject({ status: 413 });
  });
});
