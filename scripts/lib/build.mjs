// Runs `astro build` on the current Node and marks the build's time, so `npm start` knows it is fresh.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
const stamp = join(root, 'dist', '.build-stamp');
const sources = ['content', 'quizzes', 'src', 'astro.config.mjs', 'package.json'];

/** The newest modification time under a path. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** True when there is no build, or a source changed after it was made. */
export function buildIsStale() {
  if (!existsSync(join(root, 'dist', 'server', 'entry.mjs')) || !existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > built);
}

/** Builds the site; returns true on success. */
export function build() {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) return false;
  writeFileSync(stamp, new Date().toISOString());
  return true;
}
