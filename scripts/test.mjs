// `npm test`: the fast tier. Unit tests (Vitest), a type-check (counted as one test), the production
// build, then the end-to-end tests of Playwright's `fast` project (Chromium). Every stage runs even if
// an earlier one fails, so the totals are real; the last line printed is `N passed, N failed` across
// both runners (a failed build counts as one failure), also written to reports/summary.txt.
// `npm run test:reliability` (`node scripts/test.mjs reliability`): the build, if stale, then the
// `reliability` projects (fuzz, crash, load, SCORM, builds of changed copies, axe on every page),
// with their totals in reports/reliability/summary.txt. Tiers are named in playwright.config.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, buildIsStale, root } from './lib/build.mjs';

const tier = process.argv[2] ?? 'fast';
if (!['fast', 'reliability'].includes(tier)) {
  console.error(`Unknown test tier "${tier}": use fast (npm test) or reliability (npm run test:reliability).`);
  process.exit(2);
}
const reliability = tier === 'reliability';
// The reliability tier clears only its own reports, so .ci/run (fast, then reliability) can total both.
const reports = reliability ? join(root, 'reports', 'reliability') : join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** Runs a package's CLI on this Node, streaming its output. */
function run(bin, args, env = {}) {
  return spawnSync(process.execPath, [join(root, 'node_modules', ...bin), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

if (!reliability) {
  // 1. Unit tests.
  const vitestStatus = run(['vitest', 'vitest.mjs'], ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`]);
  const unit = readJson(join(reports, 'vitest.json'));
  if (unit) {
    totals.passed += unit.numPassedTests;
    totals.failed += unit.numFailedTests;
    totals.skipped += unit.numPendingTests + unit.numTodoTests;
    lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
  }
  if (!unit || (vitestStatus !== 0 && unit.numFailedTests === 0)) {
    totals.failed += 1;
    lines.push('unit: the test runner itself failed');
  }

  // 2. Type-check (TypeScript, Astro and Svelte files).
  if (run(['astro', 'bin', 'astro.mjs'], ['check'], { ASTRO_TELEMETRY_DISABLED: '1' }) === 0) {
    totals.passed += 1;
    lines.push('type-check: passed');
  } else {
    totals.failed += 1;
    lines.push('type-check: failed');
  }
}

// 3. Build (the reliability tier reuses a fresh one), then 4. end-to-end tests against it.
if ((reliability && !buildIsStale()) || build()) {
  const projects = reliability ? ['--project=reliability', '--project=reliability-tagged'] : ['--project=fast'];
  const json = join(reports, 'playwright.json');
  const e2eStatus = run(['@playwright', 'test', 'cli.js'], ['test', ...projects], { E2E_JSON: json });
  const e2e = readJson(json);
  if (e2e) {
    const { expected, unexpected, flaky, skipped } = e2e.stats;
    totals.passed += expected + flaky;
    totals.failed += unexpected;
    totals.skipped += skipped;
    lines.push(`e2e (${tier}): ${expected + flaky} passed, ${unexpected} failed${flaky ? ` (${flaky} flaky)` : ''}`);
  }
  if (!e2e || (e2eStatus !== 0 && e2e.stats.unexpected === 0)) {
    totals.failed += 1;
    lines.push('e2e: the test runner itself failed (is Chromium installed? set CHROMIUM_PATH)');
  }
} else {
  totals.failed += 1;
  lines.push('build: failed, so the end-to-end tests did not run');
}

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(join(reports, 'summary.txt'), summary + '\n');
console.log(['', ...lines, summary].join('\n'));
process.exit(totals.failed === 0 ? 0 : 1);
