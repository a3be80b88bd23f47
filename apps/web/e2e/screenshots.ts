// Screenshots for the README, written by every browser-test run to docs/screenshots/.
import type { Page } from 'playwright-core';

const folder = new URL('../../../docs/screenshots/', import.meta.url);

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1100, height: 900 };

/** Full-page PNG of `page` as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, folder).pathname, fullPage: true });
}
