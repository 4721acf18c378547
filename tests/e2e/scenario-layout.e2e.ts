/**
 * Nothing moves when the scenario player's script arrives: the server renders the player's first
 * screen (the opening checks), and the mounted player draws the same. The script is held back so
 * the page is painted first, then layout shifts are summed (PerformanceObserver, `layout-shift`,
 * buffered) at a desktop and a phone width. Without JavaScript the page says what it cannot do.
 */
import { expect, test, type Page } from '@playwright/test';
import { scenarioUrl, scenariosOf } from './quiz-support.ts';

const scenario = scenariosOf('wyre').find((s) => s.data.path.length >= 5)!;

/** Holds the player's script back until the page has painted its server-rendered markup. */
async function holdPlayerScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/PlayerIsland[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
  test(`${device} (${width} px): the player keeps its place and size as it mounts; layout shift under 0.02`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) w.cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdPlayerScript(page);
    await page.goto(scenarioUrl(scenario), { waitUntil: 'commit' });
    const island = page.locator('[data-island="scenario-player"]');
    const pager = page.locator('.cc-pager');
    await expect(island.locator('.cc-opening')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    // Two frames: the server-rendered page is on screen before the script runs.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const before = { island: await island.boundingBox(), pager: await pager.boundingBox() };
    expect(await island.getAttribute('data-ready')).toBeNull();

    release();
    await expect(island).toHaveAttribute('data-ready', '');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await island.boundingBox()).toEqual(before.island);
    expect(await pager.boundingBox()).toEqual(before.pager);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    console.log(`CLS on ${scenarioUrl(scenario)} at ${width} px: ${cls.toFixed(4)}`);
    expect(cls).toBeLessThan(0.02);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the opening checks are readable, the buttons are hidden and the page points to the flowchart as a list', async ({ page }) => {
    await page.goto(scenarioUrl(scenario));
    await expect(page.locator('.cc-opening .cc-decision')).toHaveCount(3);
    await expect(page.locator('.cc-answers').first()).toBeHidden();
    await expect(page.locator('.cc-player__nojs')).toBeVisible();
    await expect(page.locator('.cc-player__nojs a')).toHaveAttribute('href', '/wyre/flowchart/#text-version');
  });
});
