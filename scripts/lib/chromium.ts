// Where the Chromium for Lighthouse is: CHROMIUM_PATH (as the e2e tests read it), else CHROME_PATH
// (chrome-launcher's name), else Debian's /usr/bin/chromium. The bench skips Lighthouse without it.
import { accessSync, constants, statSync } from 'node:fs';

export type Chromium = { path: string } | { missing: string };

export function findChromium(env: NodeJS.ProcessEnv = process.env): Chromium {
  const [name, path] = env.CHROMIUM_PATH ? ['CHROMIUM_PATH', env.CHROMIUM_PATH] : env.CHROME_PATH ? ['CHROME_PATH', env.CHROME_PATH] : ['the default', '/usr/bin/chromium'];
  try {
    accessSync(path, constants.X_OK);
    if (statSync(path).isFile()) return { path };
  } catch {
    // Missing or not executable: said below.
  }
  return { missing: `No Chromium at ${path} (${name}), so Lighthouse is skipped. Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.` };
}
