// One product server and one Chromium per browser-test file, started before its tests and stopped after.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { totpCode } from '../../api/src/auth/totp.ts';
import { TEST_PASSWORD } from '../../api/test/factories.ts';
import { launchBrowser } from './browser.ts';
import { startProduct } from './productServer.ts';

export interface ProductInBrowser {
  product: Awaited<ReturnType<typeof startProduct>>;
  browser: Browser;
  /**
   * Signs in through the sign-in page (English labels) and waits for the main navigation; with `totpSecret`,
   * enters the code an authenticator app would show when the page asks for it.
   */
  signIn(page: Page, email: string, password?: string, totpSecret?: string): Promise<void>;
}

/** Call inside a `describe`: the returned object is filled in before the first test runs. */
export function productInBrowser(options: Parameters<typeof startProduct>[0] = {}): ProductInBrowser {
  const ctx = {
    async signIn(page: Page, email: string, password = TEST_PASSWORD, totpSecret?: string) {
      await page.goto(`${ctx.product.url}/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      if (totpSecret) {
        await page.getByLabel('Authentication code').fill(totpCode(totpSecret));
        await page.getByRole('button', { name: 'Sign in' }).click();
      }
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    },
  } as ProductInBrowser;
  beforeAll(async () => {
    ctx.product = await startProduct(options);
    ctx.browser = await launchBrowser();
    // Seeding the whole knowledge base and training its engine take about 15 s alone, several times that on a
    // machine busy with the other test files.
  }, 240_000);
  // As long as starting may take: on a loaded machine closing Chromium and dropping the database can be slow too.
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.product?.close();
  }, 120_000);
  return ctx;
}
