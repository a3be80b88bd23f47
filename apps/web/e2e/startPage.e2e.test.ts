import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../api/src/app.ts';
import { webDistDir } from '../../api/src/config/paths.ts';
import { createTestDb } from '../../api/test/testDatabase.ts';
import { createTestEngine } from '../../api/test/testEngine.ts';
import { browserAvailable, launchBrowser } from './browser.ts';

describe.runIf(browserAvailable())('start page in a real browser', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestDb();
    const engine = await createTestEngine();
    app = await buildServer({ env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db: t.db, engine, webDist: webDistDir });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.close();
  });

  it('shows the product, the server status and the advisory notice', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await expect(page.getByRole('heading', { name: 'Unani CDSS' }).isVisible()).resolves.toBe(true);
    await page.getByRole('status').filter({ hasText: 'Server ready.' }).waitFor({ timeout: 10_000 });
    expect(await page.textContent('footer')).toContain('advisory');
  });

  it('serves the app for a client-side route and a problem document for an unknown API path', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/patients/123`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Unani CDSS' }).waitFor();
    const api = await page.request.get(`${baseUrl}/api/v1/unknown`);
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toMatch(/application\/problem\+json/);
  });
});
