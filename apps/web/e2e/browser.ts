// Headless Chromium for end-to-end tests, driven by playwright-core. Where no Chromium is installed
// the browser tests are skipped with a one-line notice (CI installs it, so CI always runs them).
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export const chromiumPath = CANDIDATES.find((p): p is string => Boolean(p && existsSync(p)));

let noticeShown = false;
/** True when browser tests can run; otherwise prints the notice once. */
export function browserAvailable(): boolean {
  if (!chromiumPath && !noticeShown) {
    noticeShown = true;
    process.stderr.write('Browser tests skipped: no Chromium found (install it with `apt-get install chromium`).\n');
  }
  return Boolean(chromiumPath);
}

/** Flags for Chromium as root on a machine without a network beyond loopback (also used by `pnpm lighthouse`). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
