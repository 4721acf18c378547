/**
 * The SCORM 1.2 package in a real SCORM run-time: a test LMS page creates scorm-again's Scorm12API as
 * `window.API` and opens the unzipped package in a frame. One learner completes the course and is
 * `passed` only once they have signed; a new attempt (`ab-initio`) in the same browser starts empty;
 * a session in a fresh browser resumes from suspend_data with the declaration already signed, and
 * never writes cmi.comments again. A pass with a lesson unread, or a fail, stays `incomplete`. The
 * manifest lists every file and the package holds the schemas it names; the pages pass axe.
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

/**
 * The test LMS: what it hands the course at launch comes from sessionStorage \`launch\` (entry,
 * suspend_data), as Moodle would from its attempt record; it counts LMSCommit calls and logs every
 * LMSSetValue, as an LMS's debugging log would.
 */
const lmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/lms/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  const launch = JSON.parse(sessionStorage.getItem('launch') || '{}');
  window.API.loadFromJSON({ core: { student_name: 'Brown, Megan', entry: launch.entry ?? 'ab-initio', lesson_status: launch.entry === 'resume' ? 'incomplete' : 'not attempted' }, suspend_data: launch.suspend_data || '' });
  window.lmsLog = { commits: 0, sets: [] };
  const commit = window.API.LMSCommit.bind(window.API);
  window.API.LMSCommit = (a) => (window.lmsLog.commits++, commit(a));
  const set = window.API.LMSSetValue.bind(window.API);
  window.API.LMSSetValue = (e, v) => (window.lmsLog.sets.push([e, v]), set(e, v));
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


/** Opens the test LMS with what it hands the course at launch (default: a first attempt). */
async function launchLms(page: Page, launch: { entry?: string; suspend_data?: string } = {}): Promise<Frame> {
  await page.goto(`${base}/lms/`);
  await page.evaluate((l) => sessionStorage.setItem('launch', JSON.stringify(l)), launch);
  await page.reload();
  return course(page);
}
type Cmi = { core: { lesson_status: string; exit: string; score: { raw: string } }; suspend_data: string; comments: string; interactions: Record<string, { id: string; type: string; time: string; weighting: string; result: string; student_response: string; correct_responses: Record<string, { pattern: string }> }> };
/** The LMS's record as it would store it (interactions are write-only to the course, so read the LMS's own serialisation). */
const cmi = (page: Page): Promise<Cmi> => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { API: { cmi: unknown } }).API.cmi)));
const lmsLog = (page: Page) => page.evaluate(() => (window as unknown as { lmsLog: { commits: number; sets: [string, string][] } }).lmsLog);
/** The course's window closes (as when the learner leaves the LMS page): the shell's pagehide ends the session. */
const leave = (page: Page) => page.evaluate(() => { (document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'; });

test('the manifest is SCORM 1.2 XML listing every file in the package, and the package holds every file it names, schemas included', () => {
  const xml = readFileSync(join(unpacked, 'imsmanifest.xml'), 'utf8');
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'file' }).parse(xml);
  expect(doc.manifest.metadata.schemaversion).toBe(1.2);
  // No mastery score: the LMS would otherwise set passed/failed from the score alone.
  expect(doc.manifest.organizations.organization.item['adlcp:masteryscore']).toBeUndefined();
  // Typical learning time: the induction route's minutes, as the web build publishes them.
  const route = JSON.parse(readFileSync(join(unpacked, 'wyre', 'route.json'), 'utf8'));
  expect(doc.manifest.metadata['imsmd:lom']['imsmd:educational']['imsmd:typicallearningtime']['imsmd:datetime']).toBe(`00:${String(route.routes.induction.minutes).padStart(2, '0')}:00`);
  const listed: string[] = doc.manifest.resources.resource.file.map((f: { '@_href': string }) => f['@_href']);
  const schemas = (doc.manifest['@_xsi:schemaLocation'] as string).split(/\s+/).filter((_, i) => i % 2 === 1);
  expect(schemas).toHaveLength(3);
  // The schemas import ims_xml.xsd, so it is shipped too.
  const imported = schemas.flatMap((f) => [...readFileSync(join(unpacked, f), 'utf8').matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1]!));
  const named = new Set([...listed, ...schemas, ...imported]);
  for (const file of named) expect(files, file).toContain(file);
  expect([...named].sort()).toEqual(files.filter((f) => f !== 'imsmanifest.xml').sort());
  expect(files.some((f) => f.startsWith('ashfield/'))).toBe(false);
});

test('a learner completes the course: passed only after signing as the LMS learner; a new attempt starts empty; another browser resumes signed', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const frame = await launchLms(page);
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
  const scenarios = scenariosOf(pack);
  for (const scenario of scenarios) {
    await frame.goto(pkg(`wyre/scenarios/${scenario.id.replace(/^\d+-/, '')}/index.html`));
    await playScenario(frame, scenario);
  }
  // Decisions are reported as they happen, not at the declaration.
  const decisions = scenarios.reduce((n, s) => n + s.data.path.length, 0);
  await expect.poll(async () => Object.values((await cmi(page)).interactions).filter((i) => i.type === 'true-false').length).toBe(decisions);
  // The overview's "final assessment" link leads to the package's own assessment page.
  await frame.goto(pkg('wyre/index.html'));
  await frame.getByRole('main').getByRole('link', { name: 'final assessment', exact: true }).click();
  // The same frame, once it is there (looking the frame up by address raced the navigation).
  await frame.waitForURL(`${base}/package/scorm/${pack}/assessment/**`);
  await answerAssessment(frame, pack, true);
  const shown = await frame.locator('[data-score]').getAttribute('data-score');
  await expect.poll(() => api(page, 'cmi.core.score.raw')).toBe(shown);
  // Everything done and the assessment passed, but not signed: not passed yet.
  expect(await api(page, 'cmi.core.lesson_status')).toBe('incomplete');

  await frame.getByRole('link', { name: 'Sign the declaration' }).click();
  await expect(frame.locator('#declaration-status')).toContainText('You can now sign');
  // The signer is the LMS's learner, shown and not editable.
  await expect(frame.locator('#declaration-signer')).toContainText('You are signing as Megan Brown');
  await expect(frame.getByLabel('Full name')).toBeHidden();
  await frame.getByLabel('Councillor', { exact: true }).check();
  await frame.getByLabel('Ward or committee').fill('Garstang');
  await frame.getByLabel(/I agree with this declaration/).check();
  await frame.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(frame.locator('[data-field="name"]')).toHaveText('Megan Brown');
  await expect.poll(() => api(page, 'cmi.core.lesson_status')).toBe('passed');
  const record = await cmi(page);
  expect(record.comments).toContain('Signed by Megan Brown (Councillor, Garstang)');

  // The officer's report: every assessment question with its right answer, weighting and time.
  const interactions = Object.values(record.interactions);
  const assessment = interactions.filter((i) => i.id.startsWith('assessment-'));
  expect(assessment).toHaveLength(10);
  for (const i of interactions) {
    expect(i.id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
    expect(i.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(i.correct_responses['0']!.pattern).not.toBe('');
    expect(['correct', 'wrong']).toContain(i.result);
  }
  expect(assessment.every((i) => i.type === 'choice' && i.weighting === '1' && i.result === 'correct')).toBe(true);
  expect(interactions.filter((i) => i.id.startsWith('scenario-')).every((i) => i.weighting === '0')).toBe(true);
  // Commits are few: debounced, and only when something changed (about 100 before).
  expect((await lmsLog(page)).commits).toBeLessThan(25);
  const suspend = record.suspend_data;
  expect(suspend.length).toBeGreaterThan(0);
  expect(suspend.length).toBeLessThanOrEqual(4096);
  await leave(page);
  await expect.poll(async () => (await cmi(page)).core.exit).toBe('');

  // A new attempt in the same browser (the refresher): nothing carries over from the first.
  const fresh = await launchLms(page, { entry: 'ab-initio' });
  await expect(fresh.locator('cc-progress')).toContainText(`0 of ${lessons.length}`);
  await fresh.goto(pkg('scorm/wyre/declaration/index.html'));
  await expect(fresh.locator('#declaration-status')).toContainText('You cannot sign yet');
  expect(await api(page, 'cmi.core.lesson_status')).toBe('incomplete');
  expect(Object.keys((await cmi(page)).interactions)).toHaveLength(0);

  // The same attempt in a fresh browser (no local storage), from the first attempt's suspend_data.
  const second = await browser.newContext();
  const again = await second.newPage();
  const resumed = await launchLms(again, { entry: 'resume', suspend_data: suspend });
  await expect(resumed.locator('cc-progress')).toContainText(`${lessons.length} of ${lessons.length}`);
  await resumed.goto(pkg('scorm/wyre/assessment/index.html'));
  await expect(resumed.locator('h1')).toHaveText('You passed the final assessment');
  await resumed.goto(pkg('scorm/wyre/declaration/index.html'));
  await expect(resumed.locator('#declaration-status')).toContainText('You signed the declaration on');
  await expect(resumed.locator('form[data-declaration]')).toBeHidden();
  await resumed.getByRole('link', { name: 'See your certificate' }).click();
  await expect(resumed.locator('[data-field="name"]')).toHaveText('Megan Brown');
  expect(await api(again, 'cmi.core.lesson_status')).toBe('passed');
  await leave(again);
  await expect.poll(async () => (await cmi(again)).core.exit).toBe('');
  const sets = (await lmsLog(again)).sets.map(([e]) => e);
  expect(sets).not.toContain('cmi.comments');
  // Nothing from the first session is reported twice.
  expect(sets.filter((e) => e.startsWith('cmi.interactions.'))).toEqual([]);
  await second.close();
});

test('a pass with a lesson unread stays incomplete; a fail stays incomplete and suspended, so a retake is allowed', async ({ page }) => {
  const frame = await launchLms(page);
  await frame.goto(pkg('scorm/wyre/assessment/index.html'));
  await answerAssessment(frame, pack, true);
  await expect.poll(() => api(page, 'cmi.core.score.raw')).toBe('100');
  expect(await api(page, 'cmi.core.lesson_status')).toBe('incomplete');

  await frame.getByRole('link', { name: 'Sign the declaration' }).click();
  await expect(frame.locator('#declaration-status')).toContainText('You cannot sign yet');
  // The server's checklist: every lesson still to read, linked; the assessment done.
  const lessonsLine = frame.locator('[data-sign-off-checklist] [data-item="lessons"]');
  await expect(lessonsLine).toHaveClass('cc-checklist--todo');
  await expect(lessonsLine.locator('[data-text]')).toHaveText(/^Lessons: 0 of \d+ read$/);
  await lessonsLine.locator('[data-missing] a').first().click();
  // A lesson counts as read when its end is reached.
  await frame.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(frame.locator('cc-progress')).toContainText(/\b1 of \d+/);
  await frame.goto(pkg('scorm/wyre/declaration/index.html'));
  await expect(frame.locator('[data-sign-off-checklist] > li').last()).toHaveText('Final assessment: passed');
  await expect(lessonsLine.locator('[data-text]')).toHaveText(/^Lessons: 1 of \d+ read$/);
  await expect(frame.locator('form[data-declaration]')).toBeHidden();

  const failing = await launchLms(page);
  await failing.goto(pkg('scorm/wyre/assessment/index.html'));
  await answerAssessment(failing, pack, false);
  await expect.poll(() => api(page, 'cmi.core.score.raw')).toBe('0');
  expect(await api(page, 'cmi.core.lesson_status')).toBe('incomplete');
  await expect(failing.getByRole('button', { name: 'Try again with new questions' })).toBeVisible();
  await leave(page);
  await expect.poll(async () => (await cmi(page)).core.exit).toBe('suspend');
  expect((await cmi(page)).core.lesson_status).toBe('incomplete');

  // An LMS that says neither "resume" nor "ab-initio" and holds no suspend_data: still nothing from this browser.
  const neither = await launchLms(page, { entry: '' });
  await neither.goto(pkg('scorm/wyre/assessment/index.html'));
  await expect(neither.locator('h1')).toHaveText('Final assessment');
  expect(await api(page, 'cmi.core.score.raw')).toBe('');
});

test('the Creative Commons link opens in a new window and says so', async ({ page }) => {
  await page.goto(pkg('wyre/index.html'));
  const link = page.getByRole('link', { name: /Creative Commons/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toContainText('(opens in a new window)');
});

test('without an LMS the course works, with a notice', async ({ page }) => {
  await page.goto(pkg('scorm/wyre/index.html'));
  await expect(page.locator('#scorm-notice')).toContainText('No learning management system was found');
  await expect(page.frameLocator('iframe').locator('h1')).toContainText('Wyre');
});

test('axe finds no violations on the packaged pages', async ({ page }) => {
  test.setTimeout(300_000); // about 40 pages at 2–3 s each on a shared machine
  const pages = files.filter((f) => f.endsWith('.html'));
  const failures: string[] = [];
  for (const file of pages) {
    await page.goto(pkg(file));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    failures.push(...results.violations.map((v) => `${file}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`));
  }
  expect(failures).toEqual([]);
});
