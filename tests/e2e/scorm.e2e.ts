/**
 * The SCORM 1.2 package in a real SCORM run-time: a test LMS page creates scorm-again's Scorm12API as
 * `window.API` and opens the unzipped package in a frame. One learner completes the course; a second
 * session resumes from the first one's suspend_data; a failing run ends "failed". The manifest lists
 * every file, and the packaged pages pass axe.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import AxeBuilder from '@axe-core/playwright';
import { answerCheck, answersOf, checksOf, lessonUrl, playScenario, scenariosOf } from './quiz-support.ts';
import { answerAssessment } from './server-support.ts';
import { withBuildLock } from './build-copy.ts';

const root = join(import.meta.dirname, '..', '..');
const unpacked = join(root, 'reports', 'scorm-wyre');
const pack = 'wyre';
let server: Server;
let base = '';
let files: string[] = [];

const lmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/lms/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  const resume = sessionStorage.getItem('resume');
  if (resume) window.API.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: resume });
</script></head>
<body><h1>Test LMS</h1><iframe id="sco" title="Course" style="width:100%;height:900px" src="/package/scorm/${pack}/index.html"></iframe></body></html>`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml' };

// One worker builds the package once and runs these tests in order.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  withBuildLock(() => execFileSync(process.execPath, [join(root, 'scripts', 'build-scorm.ts'), '--pack', pack], { cwd: root, stdio: 'pipe' }));
  const zip = unzipSync(readFileSync(join(root, 'dist-scorm', 'wyre-november-2017.zip')));
  rmSync(unpacked, { recursive: true, force: true });
  files = Object.keys(zip);
  for (const [name, bytes] of Object.entries(zip)) {
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), bytes);
  }
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    let body: Buffer | string | undefined;
    if (path === '/lms/' || path === '/lms/index.html') body = lmsPage;
    else if (path === '/lms/scorm12.js') body = readFileSync(join(root, 'node_modules', 'scorm-again', 'dist', 'scorm12.js'));
    else if (path.startsWith('/package/')) {
      try {
        body = readFileSync(normalize(join(unpacked, path.slice('/package/'.length))));
      } catch {
        body = undefined;
      }
    }
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? (path.endsWith('/') ? TYPES['.html']! : 'application/octet-stream') }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => server?.close());

/** The course frame inside the package's launch page. */
async function course(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().find((f) => f.url().includes(`/package/${pack}/`))).toBeTruthy();
  return page.frames().find((f) => f.url().includes(`/package/${pack}/`))!;
}
const api = (page: Page, element: string) => page.evaluate((e) => (window as unknown as { API: { LMSGetValue(x: string): string } }).API.LMSGetValue(e), element);
const pkg = (path: string) => `${base}/package/${path}`;


test('the manifest is SCORM 1.2 XML listing every file in the package, and each listed file exists', () => {
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'file' }).parse(readFileSync(join(unpacked, 'imsmanifest.xml'), 'utf8'));
  expect(doc.manifest.metadata.schemaversion).toBe(1.2);
  expect(doc.manifest.organizations.organization.item['adlcp:masteryscore']).toBe(80);
  // Typical learning time: the induction route's minutes, as the web build publishes them.
  const route = JSON.parse(readFileSync(join(unpacked, 'wyre', 'route.json'), 'utf8'));
  expect(doc.manifest.metadata['imsmd:lom']['imsmd:educational']['imsmd:typicallearningtime']['imsmd:datetime']).toBe(`00:${String(route.routes.induction.minutes).padStart(2, '0')}:00`);
  const listed: string[] = doc.manifest.resources.resource.file.map((f: { '@_href': string }) => f['@_href']);
  expect([...listed].sort()).toEqual(files.filter((f) => f !== 'imsmanifest.xml').sort());
  expect(files.some((f) => f.startsWith('ashfield/'))).toBe(false);
});

test('a learner completes the course in the LMS: passed, the score shown, suspend_data within 4,096; a new session resumes', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.goto(`${base}/lms/`);
  const frame = await course(page);
  await expect(frame.locator('h1')).toContainText('Wyre');
  expect(await api(page, 'cmi.core.lesson_status')).toBe('incomplete');

  const lessons = files.filter((f) => /^wyre\/(lessons|examples)\/[^/]+\/index\.html$/.test(f));
  // Every lesson, answering its required knowledge-check questions rightly (signing needs them).
  const checks = new Map(checksOf(pack).map((c) => [`${lessonUrl(c.lesson).slice(1)}index.html`, c.questions]));
  for (const lesson of lessons) {
    await frame.goto(pkg(lesson));
    await expect(frame.locator('cc-progress')).toContainText('read');
    for (const question of checks.get(lesson)!.filter((q) => !q.practice)) await answerCheck(frame, question, answersOf(question).right);
  }
  for (const scenario of scenariosOf(pack)) {
    await frame.goto(pkg(`wyre/scenarios/${scenario.id.replace(/^\d+-/, '')}/index.html`));
    await playScenario(frame, scenario);
  }
  // The overview's "final assessment" link leads to the package's own assessment page.
  await frame.goto(pkg('wyre/index.html'));
  await frame.getByRole('main').getByRole('link', { name: 'final assessment', exact: true }).click();
  // The same frame, once it is there (looking the frame up by address raced the navigation).
  await frame.waitForURL(`${base}/package/scorm/${pack}/assessment/**`);
  await answerAssessment(frame, pack, true);
  const shown = await frame.locator('[data-score]').getAttribute('data-score');
  await expect.poll(() => api(page, 'cmi.core.lesson_status')).toBe('passed');
  expect(await api(page, 'cmi.core.score.raw')).toBe(shown);
  await frame.getByRole('link', { name: 'Sign the declaration' }).click();
  await expect(frame.locator('#declaration-status')).toContainText('You can now sign');
  await frame.getByLabel('Full name').fill('Siân Ŵyn Llŷr');
  await frame.getByLabel('Councillor', { exact: true }).check();
  await frame.getByLabel('Ward or committee').fill('Garstang');
  await frame.getByLabel(/I agree with this declaration/).check();
  await frame.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(frame.locator('[data-field="name"]')).toHaveText('Siân Ŵyn Llŷr');
  await expect.poll(() => page.evaluate(() => (window as unknown as { API: { cmi: { comments: string } } }).API.cmi.comments)).toContain('Siân Ŵyn Llŷr');
  const interactions = await page.evaluate(() => (window as unknown as { API: { cmi: { interactions: { childArray: unknown[] } } } }).API.cmi.interactions.childArray.length);
  expect(interactions).toBeGreaterThan(50);
  const suspend = await page.evaluate(() => (window as unknown as { API: { cmi: { suspend_data: string } } }).API.cmi.suspend_data);
  expect(suspend.length).toBeGreaterThan(0);
  expect(suspend.length).toBeLessThanOrEqual(4096);

  // A second session, in a fresh browser (no local storage), from the first one's suspend_data.
  const second = await browser.newContext();
  const again = await second.newPage();
  await again.goto(`${base}/lms/`);
  await again.evaluate((s) => sessionStorage.setItem('resume', s), suspend);
  await again.reload();
  const resumed = await course(again);
  await expect(resumed.locator('cc-progress')).toContainText(`${lessons.length} of ${lessons.length}`);
  await resumed.goto(pkg('scorm/wyre/assessment/index.html'));
  await expect(resumed.locator('h2').first()).toHaveText('You passed the final assessment');
  await second.close();
});

test('a failing run ends with lesson_status failed', async ({ page }) => {
  await page.goto(`${base}/lms/`);
  const frame = await course(page);
  await frame.goto(pkg('scorm/wyre/assessment/index.html'));
  await answerAssessment(frame, pack, false);
  await expect.poll(() => api(page, 'cmi.core.lesson_status')).toBe('failed');
  expect(await api(page, 'cmi.core.score.raw')).toBe('0');
});

test('without an LMS the course works, with a notice', async ({ page }) => {
  await page.goto(pkg('scorm/wyre/index.html'));
  await expect(page.locator('#scorm-notice')).toContainText('No learning management system was found');
  await expect(page.frameLocator('iframe').locator('h1')).toContainText('Wyre');
});

test('axe finds no violations on the packaged pages', async ({ page }) => {
  test.setTimeout(180_000);
  const pages = files.filter((f) => f.endsWith('.html'));
  const failures: string[] = [];
  for (const file of pages) {
    await page.goto(pkg(file));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    failures.push(...results.violations.map((v) => `${file}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`));
  }
  expect(failures).toEqual([]);
});
