/**
 * Every pack's built pages speak for that pack: they name no role its pack.yaml does not have and
 * carry its `lang`. Checked over the project's build (dist/client) and over a copy of the course
 * with a pack made by `npm run new-pack`, changed to a Welsh community council with a Clerk, no
 * group leader and two documents (one undated, one "c. 2017") — which must build as it is.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadPacks } from '../../src/lib/load.ts';
import { KNOWN_ROLES, neutralOfficer } from '../../src/lib/roles.ts';
import type { Pack } from '../../src/schemas/pack.ts';
import { buildCourseCopy } from './build-copy.ts';

const root = join(import.meta.dirname, '..', '..');
const work = join(root, 'reports', 'e2e-pack-pages');
const node = join(root, 'node_modules', 'node', 'bin', 'node');

/** Every HTML file under a folder. */
function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** A page's visible text (and its title), tags removed, whitespace collapsed. */
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')
  .replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** Role words a pack's pages may use: its officer and whoever it escalates to. */
const allowed = (pack: Pack) => KNOWN_ROLES.filter((r) => pack.monitoringOfficer.role.includes(r) || (pack.wording.escalateTo ?? '').includes(r));

/** Problems on one pack's pages: a role it lacks, or the wrong lang. */
function packPageProblems(client: string, pack: Pack): string[] {
  const ok = allowed(pack);
  const problems: string[] = [];
  const pages = htmlFiles(join(client, pack.id));
  expect(pages.length, `built pages for ${pack.id}`).toBeGreaterThan(3);
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const lang = /<html lang="([^"]*)"/.exec(html)?.[1];
    if (lang !== pack.lang) problems.push(`${file}: <html lang="${lang}">, expected "${pack.lang}"`);
    const text = textOf(html);
    for (const role of KNOWN_ROLES.filter((r) => !ok.includes(r))) {
      if (text.includes(role)) problems.push(`${file.slice(client.length + 1)} names "${role}", which ${pack.id}/pack.yaml does not have`);
    }
  }
  return problems;
}

test('the shipped packs\' pages name only their own roles and carry their lang', () => {
  const client = join(root, 'dist', 'client');
  for (const { pack } of loadPacks(root)) expect(packPageProblems(client, pack)).toEqual([]);
});

// A build of its own (about a minute): in the reliability tier.
test('a pack made by new-pack builds; as a Welsh council with a Clerk, its pages say so and name no Monitoring Officer', { tag: '@reliability' }, () => {
  test.setTimeout(240_000);
  rmSync(work, { recursive: true, force: true });
  const copy = join(work, 'course');
  for (const dir of ['content', 'quizzes']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
  const made = spawnSync(node, [join(root, 'scripts', 'new-pack.ts'), 'llanfair'], { encoding: 'utf8', env: { ...process.env, COURSE_CONTENT_ROOT: copy } });
  expect(made.stderr).toBe('');
  const file = join(copy, 'content', 'llanfair', 'pack.yaml');
  writeFileSync(file, readFileSync(file, 'utf8')
    .replace('council: "TODO Council"', 'council: "Llanfair Community Council"')
    .replace(/role: Monitoring Officer .*/, 'role: Clerk')
    .replace(/lang: en-GB .*/, 'lang: cy')
    .replace(/(  - title: "TODO Social Media Policy"\n    version: "1"\n    date: undated\n)/, '$1  - title: "Online Strategy"\n    version: "2"\n    date: c. 2017\n'));
  const out = join(work, 'dist');
  buildCourseCopy(copy, out);

  const client = join(out, 'client');
  const packs = loadPacks(copy).map((p) => p.pack);
  const llanfair = packs.find((p) => p.id === 'llanfair')!;
  // The shared graph's "capture and report" outcome names the pack's own officer, and drops the group leader it lacks.
  expect(packPageProblems(client, llanfair)).toEqual([]);
  for (const pack of packs.filter((p) => p.id !== 'llanfair')) expect(packPageProblems(client, pack)).toEqual([]);

  const home = textOf(readFileSync(join(client, 'llanfair', 'index.html'), 'utf8'));
  expect(home).toContain('TODO Social Media Policy (Version 1, undated) and Online Strategy (Version 2, dated about 2017)');
  expect(home).toContain('the Clerk keeps a signed record');
  // Pages not tied to one pack: wording that fits every pack served, in English.
  expect(neutralOfficer(packs)).toBe('Clerk or Monitoring Officer');
  for (const page of ['index.html', '404.html']) {
    const html = readFileSync(join(client, page), 'utf8');
    expect(html).toContain('<html lang="en-GB"');
    expect(textOf(html)).toContain('ask your Clerk or Monitoring Officer');
  }
});
