import { defineConfig } from '@playwright/test';

/** Debian's Chromium (no browser downloads here); override with CHROMIUM_PATH. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4329);
/** A fresh database and signing key for every run (see tests/e2e/server-support.ts). */
export const e2eDatabase = 'reports/e2e-data/course.db';

/**
 * Two tiers. `fast` (`npm test`): component states, keyboard journeys, one whole-course walk, and axe
 * on one page per template and one quiz of each kind in every state. `reliability`
 * (`npm run test:reliability`): the files below, which start servers or builds of their own, hammer
 * the server or sweep every page, plus any test tagged `@reliability`.
 */
const reliabilityFiles = [
  'axe-sweep', // axe on every page, every scenario and every knowledge check in each state (~370 scans)
  'fuzz', 'crash', 'load', 'sign-in-load', // hostile input, SIGKILL mid-sign-off, rate limits, scrypt under load
  'scorm', // builds and zips the SCORM package, plays it in an LMS frame
  'third-pack', 'own-graphs', // build a changed copy of the course
  'refresher', // builds a changed copy of the course
  'hardening', 'proxy', 'attempt-limits', 'mail', // servers of their own: storage faults, TLS proxy, rate limits, SMTP
].map((name) => `**/${name}.e2e.ts`);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  projects: [
    { name: 'fast', testIgnore: reliabilityFiles, grepInvert: /@reliability/ },
    { name: 'reliability', testMatch: reliabilityFiles },
    { name: 'reliability-tagged', testIgnore: reliabilityFiles, grep: /@reliability/ },
  ],
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    },
  },
  // The production build, as `npm start` serves it, on a database of its own.
  webServer: {
    command: 'rm -rf reports/e2e-data && node dist/server/entry.mjs',
    url: `http://127.0.0.1:${port}/`,
    // Rate limits and the retake cool-down off for the shared server (many tests post from one address);
    // tests/e2e/load.e2e.ts and attempt-limits.e2e.ts check them on servers of their own.
    env: {
      HOST: '127.0.0.1', PORT: String(port), COURSE_DB: e2eDatabase, COURSE_SIGNING_KEY: '',
      COURSE_RATE_SIGN_OFF: '100000', COURSE_RATE_LOGIN: '100000', COURSE_RATE_ATTEMPT: '100000', COURSE_RETAKE_COOLDOWN_MINUTES: '0',
    },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
