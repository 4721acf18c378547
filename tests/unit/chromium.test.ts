/** The bench finds Chromium for Lighthouse, or says plainly that it is missing (and skips Lighthouse). */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/lib/chromium.ts';

describe('findChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes CHROMIUM_PATH first, then CHROME_PATH, when the file is executable', () => {
    const exe = process.execPath;
    expect(findChromium({ CHROMIUM_PATH: exe, CHROME_PATH: '/nowhere' })).toEqual({ path: exe });
    expect(findChromium({ CHROME_PATH: exe })).toEqual({ path: exe });
  });

  it('says which path is missing, where it came from, and how to fix it', () => {
    const found = findChromium({ CHROMIUM_PATH: join(dir, 'no-such-chromium') });
    expect(found).toEqual({ missing: expect.stringContaining(`No Chromium at ${join(dir, 'no-such-chromium')} (CHROMIUM_PATH), so Lighthouse is skipped`) });
    expect((found as { missing: string }).missing).toMatch(/set CHROMIUM_PATH/);
  });

  it('refuses a file that is not executable, and a folder', () => {
    const file = join(dir, 'chromium');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    expect(findChromium({ CHROMIUM_PATH: file })).toHaveProperty('missing');
    expect(findChromium({ CHROMIUM_PATH: dir })).toHaveProperty('missing');
  });
});
