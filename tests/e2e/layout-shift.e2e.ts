/**
 * Nothing moves when a page's scripts arrive, on every page type (issue 17): the bench's page list
 * (scripts/bench/page-types.ts), served by a server of its own with an attempt, a record and a
 * signed-in admin. Each page is opened at a phone's size with the CPU slowed 4× (CDP), its scripts
 * held back until the server's markup has painted, then released; layout shifts are summed
 * (PerformanceObserver, `layout-shift`, buffered) until the page settles. Fails above 0.02 and names
 * what moved.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPageTypes, serverPageTypes } from '../../scripts/bench/page-types.ts';
import { openDatabase } from '../../src/lib/server/db.ts';
import { startServer, stopServer, freePort } from './spawn-server.ts';
import { mkdirSync, rmSync } from 'node:fs';

const work = join(import.meta.dirname, '..', '..', 'reports', 'e2e-layout-shift');

interface Shift { value: number; moved: string[] }

/** Every layout shift from the start of the page, with the elements that moved. */
async function observeShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: Shift[] };
    w.shifts = [];
    type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
    const name = (node?: Node | null) => (node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}` : String(node?.nodeName ?? '?'));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        if (!entry.hadRecentInput) w.shifts.push({ value: entry.value, moved: entry.sources.map((s) => name(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Holds every script file back until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('no page type moves by more than 0.02 (CLS) as its scripts arrive, on a phone with a slow CPU', async ({ browser }) => {
  test.setTimeout(240_000);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const dbPath = join(work, 'course.db');
  const server = await startServer(dbPath, await freePort());
  const db = openDatabase(dbPath);
  try {
    const pages = [...builtPageTypes(), ...(await serverPageTypes(server.base, db))];
    const figures: { type: string; path: string; cls: number; moved: string[] }[] = [];
    for (const { type, path, cookie } of pages) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
      if (cookie) {
        const [name, value] = cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: server.base }]);
      }
      const page = await context.newPage();
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await observeShifts(page);
      const release = await holdScripts(page);
      const response = await page.goto(`${server.base}${path}`, { waitUntil: 'commit' });
      expect(response?.status(), path).toBe(200);
      // The server's markup on screen first, as a slow connection would show it; then the scripts.
      await expect(page.locator('footer')).toBeAttached();
      await page.evaluate(() => document.fonts.ready);
      await frames(page);
      release();
      await page.waitForLoadState('load');
      await page.waitForLoadState('networkidle');
      await frames(page);
      await page.waitForTimeout(300);
      const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
      const cls = shifts.reduce((n, s) => n + s.value, 0);
      figures.push({ type, path, cls, moved: [...new Set(shifts.flatMap((s) => s.moved))] });
      await context.close();
    }
    console.log(figures.map((f) => `${f.type.padEnd(22)} CLS ${f.cls.toFixed(4)}  ${f.path}${f.moved.length ? `  moved: ${f.moved.join(', ')}` : ''}`).join('\n'));
    expect(figures.filter((f) => f.cls > 0.02).map((f) => `${f.type} (${f.path}): ${f.cls.toFixed(3)}, moved ${f.moved.join(', ')}`)).toEqual([]);
  } finally {
    db.close();
    await stopServer(server);
  }
});
