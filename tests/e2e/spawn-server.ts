/** Starts the built server as a child process on a database of its own, for tests that kill it or limit it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../src/lib/server/db.ts';

const root = join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  child: ChildProcess;
  base: string;
}

/** Starts `dist/server/entry.mjs` (or another build's `entry`) and waits until it answers. */
export async function startServer(db: string, port: number, env: Record<string, string> = {}, entry = join(root, 'dist', 'server', 'entry.mjs')): Promise<Running> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), COURSE_DB: db, COURSE_SIGNING_KEY: '', ...env },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/public-key`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

export async function stopServer(running: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A server of its own on a fresh database in `dir` (emptied first), for `use`, which may open the database too; stopped afterwards. */
export async function withOwnServer(dir: string, use: (server: Running, db: DatabaseSync) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'course.db');
  const server = await startServer(dbPath, await freePort(), env);
  const db = openDatabase(dbPath);
  try {
    await use(server, db);
  } finally {
    db.close();
    await stopServer(server);
  }
}
