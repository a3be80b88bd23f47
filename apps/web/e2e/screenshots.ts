// Screenshots for the README, written to docs/screenshots/ only when asked (`SCREENSHOTS=1 npm test`), so an
// ordinary test run leaves the tracked images alone.
import type { Page } from 'playwright-core';

const folder = new URL('../../../docs/screenshots/', import.meta.url);
const wanted = process.env.SCREENSHOTS === '1';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1100, height: 900 };

/** Full-page PNG of `page` as docs/screenshots/<name>.png, when SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!wanted) return;
  await page.screenshot({ path: new URL(`${name}.png`, folder).pathname, fullPage: true });
}
