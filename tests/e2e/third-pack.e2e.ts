/**
 * A council adds its own pack by copying folders, with no change to code or tests. A copy of the
 * course gains a third pack (Wyre's files under a new ID and council name) and:
 * - the pack discovery every test uses (tests/support/packs.ts) finds it beside the shipped packs;
 * - it builds, with every page its files call for, and the lists the page tests walk include them;
 * - the unit tests that cover every pack (schema, coverage, quiz data, bank, routes, lessons) pass on it;
 * - its pages pass the same checks as every page (axe, reading without JavaScript, the JavaScript
 *   budget), and its answer key is in no client file.
 * One build, about a minute.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { budgetFor, pageJavaScript } from '../../scripts/lib/pages.ts';
import { expectedPages, packIds, projectRoot } from '../support/packs.ts';
import { buildCourseCopy } from './build-copy.ts';
import { freePort, startServer, stopServer } from './spawn-server.ts';
import { builtPages, clientSearch, expectLessonReadsWithoutJs, expectPageLoadsAndPassesAxe, leakedAnswers, lessonPages } from './support.ts';

const work = join(projectRoot, 'reports', 'e2e-third-pack');
const copy = join(work, 'course');
const id = 'thornbury';

/** The project's course, plus Wyre's pack copied as a new council's, as the README's "Adding a council's own pack" has it. */
function addThirdPack(): void {
  rmSync(work, { recursive: true, force: true });
  for (const dir of ['content', 'quizzes']) cpSync(join(projectRoot, dir), join(copy, dir), { recursive: true });
  cpSync(join(copy, 'content', 'wyre'), join(copy, 'content', id), { recursive: true });
  cpSync(join(copy, 'quizzes', 'wyre'), join(copy, 'quizzes', id), { recursive: true });
  // Lesson, scenario and question IDs are per pack (from the folders), so only pack.yaml names the pack.
  const file = join(copy, 'content', id, 'pack.yaml');
  const pack = parse(readFileSync(file, 'utf8'));
  Object.assign(pack, { id, council: 'Thornbury Town Council', shortName: 'Thornbury' });
  writeFileSync(file, stringify(pack));
}

/** Runs unit test files on the copy (COURSE_CONTENT_ROOT), as `npm test` would with the pack in content/. */
function unitTestsOnCopy(files: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit', '--reporter=verbose', ...files], {
    cwd: projectRoot, encoding: 'utf8', env: { ...process.env, COURSE_CONTENT_ROOT: copy, FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('a third pack copied into content/ and quizzes/ is found, built, unit-tested and page-tested with no change to code or tests', async ({ browser }) => {
  test.setTimeout(300_000);
  addThirdPack();
  expect(packIds(copy)).toEqual([...packIds(projectRoot), id].sort());

  const entry = buildCourseCopy(copy, join(work, 'dist'));
  const client = join(work, 'dist', 'client');
  const pages = builtPages(client);
  const expected = expectedPages(id, copy);
  expect(expected.lessons.length).toBeGreaterThanOrEqual(14);
  expect(pages).toEqual(expect.arrayContaining(expected.all));
  expect(lessonPages(client)).toEqual(expect.arrayContaining(expected.lessons));

  // Answer key: the search finds the pack's knowledge-check feedback, and none of its bank.
  const search = clientSearch(client);
  expect(search.holds('As he knows about it, he risks a libel claim unless he removes it promptly')).toBe(true);
  expect(leakedAnswers(search, id, copy)).toEqual([]);

  for (const path of expected.all) {
    const { bytes, quiz } = pageJavaScript(path, client);
    expect(bytes, path).toBeLessThanOrEqual(budgetFor(quiz));
  }

  const unit = unitTestsOnCopy(['tests/unit/pack.test.ts', 'tests/unit/coverage.test.ts', 'tests/unit/quizzes.test.ts', 'tests/unit/assessment-bank.test.ts', 'tests/unit/route.test.ts', 'tests/unit/lessons.test.ts']);
  expect(unit.status, unit.output).toBe(0);
  expect(unit.output).toContain(`  ${id}: 44/44`);
  expect(unit.output).toMatch(new RegExp(`content/${id}/ is a valid pack`));

  const server = await startServer(join(work, 'course.db'), await freePort(), {}, entry);
  try {
    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    for (const path of [`/${id}/`, expected.lessons[0]!, expected.scenarios[0]!]) await expectPageLoadsAndPassesAxe(page, path);
    expect((await page.request.get(`/${id}/assessment/`)).status()).toBe(200);
    await context.close();

    const noScript = await browser.newContext({ baseURL: server.base, javaScriptEnabled: false });
    await expectLessonReadsWithoutJs(await noScript.newPage(), expected.lessons[0]!);
    await noScript.close();
  } finally {
    await stopServer(server);
  }
});
