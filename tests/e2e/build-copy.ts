/**
 * Builds a copy of the course (its own `content/` and `quizzes/`) into a folder of its own, as
 * `npm run build` would with COURSE_CONTENT_ROOT and COURSE_OUT_DIR. Builds share the project's
 * `.astro/` folder and Astro's cache, so tests that build run one at a time, under a lock.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../support/packs.ts';

const lock = join(projectRoot, 'reports', 'e2e-build.lock');
/** Longer than any build: a lock this old was left by a run that was killed. */
const STALE_MS = 10 * 60_000;

/** Runs `build` while holding the build lock (a folder: making one is atomic), waiting for it up to 10 minutes. */
export function withBuildLock<T>(build: () => T): T {
  mkdirSync(join(projectRoot, 'reports'), { recursive: true });
  const waitUntil = Date.now() + STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let age = 0;
      try { age = Date.now() - statSync(lock).mtimeMs; } catch { continue; }
      if (age > STALE_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > waitUntil) throw new Error(`another test has held ${lock} for 10 minutes`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the course in `copy` into `out`; returns the server's entry. Throws with Astro's output if the build fails. */
export function buildCourseCopy(copy: string, out: string): string {
  const result = withBuildLock(() => spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', COURSE_CONTENT_ROOT: copy, COURSE_OUT_DIR: out },
  }));
  if (result.status !== 0) throw new Error(`the copy of the course in ${copy} did not build:\n${result.stdout}\n${result.stderr}`);
  return join(out, 'server', 'entry.mjs');
}
