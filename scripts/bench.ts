/**
 * `npm run bench`: what the course costs its users and how the server holds up. Prints a table and
 * writes bench/results.json. Figures, not pass/fail: it exits 0 unless something broke.
 *   1. Build time and peak memory of the production build.
 *   2. Page weight of every built page (HTML, CSS, JS; raw and gzip) against design.md's budgets.
 *   3. Sign-off throughput and latency (p50/p95/p99, slowest) at concurrency 1, 16 and 64 (autocannon, a
 *      fresh database), beside the rate of raw durable node:sqlite inserts of a record-sized row, with
 *      the ratio and budgets (scripts/bench/sign-off.ts).
 *   4. Dashboard list, filter and CSV export with 20,000 and 100,000 members: p50, p95 and p99 (scripts/bench/dashboard.ts).
 *   5. Lighthouse (mobile): performance and accessibility, LCP, TBT, CLS for every page type
 *      (scripts/bench/), the median of BENCH_LIGHTHOUSE_RUNS runs each (3), and the worst named (skipped, with a
 *      message, without Chromium: CHROMIUM_PATH, CHROME_PATH or /usr/bin/chromium).
 *   6. Each pack's routes, from the built `/<pack>/route.json`, against the 45- and 15-minute targets.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { builtPages, budgetFor, client, pageJavaScript } from './lib/pages.ts';
import { findChromium } from './lib/chromium.ts';
import { openDatabase } from '../src/lib/server/db.ts';
import { importRoster } from '../src/lib/server/members.ts';
import { createAdmin } from '../src/lib/server/admins.ts';
import { freePort, startServer, stopServer } from '../tests/e2e/spawn-server.ts';
import { benchSignOff, seedAttempts } from './bench/sign-off.ts';
import { courseFor, perfectProgress } from '../tests/unit/support/course.ts';
import { benchDashboard } from './bench/dashboard.ts';
import { builtPageTypes, serverPageTypes } from './bench/page-types.ts';
import { lighthouseAll, summary, withinBudget, worstOf } from './bench/lighthouse.ts';

const root = join(import.meta.dirname, '..');
const results: Record<string, unknown> = { when: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};
const section = (title: string) => console.log(`\n== ${title}`);

// 1. Build time and peak memory (the build's process tree, sampled from /proc every 50 ms).
section('Build');
{
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' });
  const tree = (pid: number): number[] => {
    try {
      const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return [pid, ...kids.flatMap(tree)];
    } catch {
      return [];
    }
  };
  const rss = (pid: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, tree(child.pid!).reduce((n, p) => n + rss(p), 0)); }, 50);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error('npm run build failed');
  const seconds = (performance.now() - started) / 1000;
  results.build = { seconds, peakMemoryBytes: peak };
  console.log(`Build: ${seconds.toFixed(1)} s, peak memory ${(peak / 1024 / 1024).toFixed(0)} MB`);
}

// 2. Page weight.
section('Page weight (gzip; budgets from design.md)');
{
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const pages = builtPages().map((path) => {
    const html = readFileSync(join(client, path, 'index.html'), 'utf8');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(client, m[1]!), 'utf8'));
    const inlineCss = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    const js = pageJavaScript(path);
    const lesson = /\/(lessons|examples)\//.test(path);
    return {
      path, lesson, quiz: js.quiz,
      html: { raw: Buffer.byteLength(html), gzip: gz(html) },
      css: { raw: [...css, ...inlineCss].reduce((n, c) => n + Buffer.byteLength(c), 0), gzip: css.reduce((n, c) => n + gz(c), 0) + inlineCss.reduce((n, c) => n + gz(c), 0) },
      js: { raw: js.files.reduce((n, f) => n + Buffer.byteLength(readFileSync(join(client, f))), 0), gzip: js.bytes },
      budgets: { htmlCss: lesson ? 30 * 1024 : null, js: budgetFor(js.quiz) },
    };
  });
  const over = pages.filter((p) => p.js.gzip > p.budgets.js || (p.budgets.htmlCss !== null && p.html.gzip + p.css.gzip > p.budgets.htmlCss));
  const worstLesson = pages.filter((p) => p.lesson).sort((a, b) => b.html.gzip + b.css.gzip - (a.html.gzip + a.css.gzip))[0]!;
  const worstQuiz = pages.filter((p) => p.quiz).sort((a, b) => b.js.gzip - a.js.gzip)[0]!;
  results.pageWeight = { pages, worstLesson: worstLesson.path, worstQuiz: worstQuiz.path, overBudget: over.map((p) => p.path) };
  console.log(`${pages.length} pages. Worst lesson page ${worstLesson.path}: HTML+CSS ${kb(worstLesson.html.gzip + worstLesson.css.gzip)} of 30 KB, JS ${kb(worstLesson.js.gzip)}.`);
  console.log(`Worst quiz page ${worstQuiz.path}: JS ${kb(worstQuiz.js.gzip)} of 20 KB. Pages over a budget: ${over.length}.`);
  console.log(`Heaviest HTML: ${kb(Math.max(...pages.map((p) => p.html.gzip)))}; heaviest CSS: ${kb(Math.max(...pages.map((p) => p.css.gzip)))}; non-quiz JS at most ${kb(Math.max(...pages.filter((p) => !p.quiz).map((p) => p.js.gzip)))} of 3 KB.`);
}

// 3 and 4: the server on a fresh database, seeded with passed attempts, 20,000 members and an admin.
const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const dbPath = join(dir, 'course.db');
const tokens: string[] = [];
{
  process.env.COURSE_DB = dbPath;
  const db = openDatabase(dbPath);
  tokens.push(...seedAttempts(db, 30_000));
  importRoster(db, Array.from({ length: 20_000 }, (_, i) => ({
    name: `Member ${i}`, email: `member${i}@example.org`, role: i % 4 ? 'councillor' as const : 'co-opted member' as const,
    wardOrCommittee: `Ward ${i % 60}`, pack: i % 2 ? 'wyre' : 'ashfield', dueDate: `20${25 + (i % 3)}-0${1 + (i % 9)}-15`,
  })), 'bench');
  await createAdmin(db, { email: 'bench@example.org', name: 'Bench', password: 'a long bench password' }, 'bench');
  db.close();
}
const server = await startServer(dbPath, await freePort(), { COURSE_RATE_SIGN_OFF: '100000000', COURSE_RATE_LOGIN: '100000000' });

async function load(label: string, connections: number, seconds: number, request: autocannon.Request, headers: Record<string, string> = {}) {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: server.base, connections, duration: seconds, headers, requests: [request] }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, time) => {
      times.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const figures = { connections, requests: times.length, perSecond: times.length / seconds, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), statuses, errors: result.errors, timeouts: result.timeouts };
  console.log(`${label.padEnd(32)} c=${String(connections).padEnd(3)} ${figures.perSecond.toFixed(0).padStart(6)}/s  p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  p99 ${ms(figures.p99)}  ${JSON.stringify(statuses)}`);
  return figures;
}

section('Sign-off (re-scored, signed, stored durably) against raw durable inserts');
results.signOff = await benchSignOff(server.base, dbPath, tokens);

section('Dashboard with 20,000 and 100,000 members (scripts/bench/dashboard.ts)');
results.dashboard = await benchDashboard();

section('Lighthouse (mobile), every page type');
// Without Chromium, or if it will not start, Lighthouse is skipped with a message; every other figure is still written.
lighthouseSection: {
  const chromium = findChromium();
  const skip = (why: string) => { console.log(why); results.lighthouse = { skipped: why }; };
  if ('missing' in chromium) { skip(chromium.missing); break lighthouseSection; }
  // The page list and the runs live in scripts/bench/; the admin is added to the bench's database.
  const db = openDatabase(dbPath);
  const pages = [...builtPageTypes(), ...(await serverPageTypes(server.base, db))];
  db.close();
  let audits;
  try {
    audits = await lighthouseAll(server.base, pages, { runs: Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3), chromePath: chromium.path });
  } catch (error) {
    skip(`Chromium at ${chromium.path} did not start or Lighthouse failed (${(error as Error).message.split('\n')[0]}), so Lighthouse is skipped.`);
    break lighthouseSection;
  }
  results.lighthouse = { pages: audits, worst: worstOf(audits)?.page ?? null, overBudget: audits.filter((a) => !withinBudget(a)).map((a) => a.page) };
  for (const line of summary(audits)) console.log(line);
}

section('Routes (from each pack\'s built route.json)');
{
  const routes = [];
  for (const pack of readdirSync(client).filter((name) => { try { return !!readFileSync(join(client, name, 'route.json')); } catch { return false; } })) {
    const published = JSON.parse(readFileSync(join(client, pack, 'route.json'), 'utf8'));
    const { induction, refresher } = published.routes;
    routes.push({ pack, induction: induction.minutes, refresher: refresher.minutes });
    console.log(`${pack.padEnd(12)} induction ${String(induction.minutes).padStart(3)} min (target 45): ${induction.lessons.length} lessons, ${induction.questions.length} questions, ${induction.scenarios.length} scenarios, ${induction.assessmentQuestions} assessment questions`);
    console.log(`${''.padEnd(12)} refresher ${String(refresher.minutes).padStart(3)} min (target 15) with no changed lesson, ${refresher.scenarios.length} scenarios`);
  }
  results.routes = routes;
}

await stopServer(server);
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/results.json');
