// `npm run size`: JavaScript each built page makes the browser load, gzip, against the budgets
// (quiz pages 20 KB, pages without a quiz 3 KB). Prints a table; writes reports/size.json.
// Exits 1 when a page is over its budget or the build is missing.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetFor, builtPages, client, pageJavaScript } from './lib/pages.ts';

if (!existsSync(client)) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}
const KB = 1024;
const rows = builtPages().map((path) => {
  const { bytes, files, quiz } = pageJavaScript(path);
  return { path, quiz, jsGzip: bytes, budget: budgetFor(quiz), over: bytes > budgetFor(quiz), files: files.length };
});

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('page', 70)} ${pad('kind', 6)} ${pad('JS gzip', 10)} budget`);
for (const r of rows) {
  console.log(`${pad(r.path, 70)} ${pad(r.quiz ? 'quiz' : 'page', 6)} ${pad(`${(r.jsGzip / KB).toFixed(1)} KB`, 10)} ${(r.budget / KB).toFixed(0)} KB${r.over ? '  OVER' : ''}`);
}
const worst = (kind) => rows.filter((r) => r.quiz === kind).sort((a, b) => b.jsGzip - a.jsGzip)[0];
for (const [label, r] of [['quiz page', worst(true)], ['page without a quiz', worst(false)]]) {
  if (r) console.log(`Heaviest ${label}: ${r.path} ${(r.jsGzip / KB).toFixed(1)} KB of ${(r.budget / KB).toFixed(0)} KB`);
}
mkdirSync(join(import.meta.dirname, '..', 'reports'), { recursive: true });
writeFileSync(join(import.meta.dirname, '..', 'reports', 'size.json'), JSON.stringify(rows, null, 1));
const over = rows.filter((r) => r.over);
if (over.length > 0) {
  console.error(`${over.length} page(s) over budget.`);
  process.exit(1);
}
