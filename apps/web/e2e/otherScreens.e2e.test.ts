import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser, enableTestTotp, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';

describe.runIf(browserAvailable())('knowledge, research and administration screens, in a real browser', () => {
  const ctx = productInBrowser();

  async function signedIn(role: 'admin' | 'researcher' | 'practitioner'): Promise<Page> {
    const user = await createTestUser(ctx.product.db, role, `Test ${role}`);
    // Admins sign in with a second factor (an admin without one may only set it up).
    const secret = role === 'admin' ? await enableTestTotp(ctx.product.db, user.id) : undefined;
    const page = await ctx.browser.newPage();
    await ctx.signIn(page, user.email, TEST_PASSWORD, secret);
    return page;
  }

  it('finds a disease by its Urdu name and shows its findings, treatment and sources', async () => {
    const page = await signedIn('practitioner');
    await page.getByRole('link', { name: 'Knowledge' }).click();
    await page.getByLabel('Search the knowledge base').fill('شقیقہ');
    await page
      .getByRole('list', { name: 'Best matches' })
      .getByRole('link', { name: /Shaqeeqa/ })
      .click();
    await page.getByRole('heading', { name: /Shaqeeqa — Migraine/ }).waitFor();
    await expect(page.getByRole('cell', { name: 'headache' }).isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('region', { name: 'Treatment protocol' }).getByText('Itrifal Ustukhuddus').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Sources' }).last().textContent()).resolves.toContain(
      'National Unani Morbidity Codes',
    );
  });

  it('lets an admin issue an API key shown once, and shows the model with its metrics', async () => {
    const page = await signedIn('admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByLabel('Key name').fill('Registry');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel('API key (shown once)').inputValue();
    expect(secret).toMatch(/^ucdss_/);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(page.getByLabel('API key (shown once)').count()).resolves.toBe(0);
    // The key list and the model panel arrive by their own requests: wait for them, do not sample.
    await page.getByRole('region', { name: 'API keys' }).getByText('Registry').waitFor();
    await page.getByRole('region', { name: 'Model' }).getByRole('button', { name: 'Retrain the model' }).waitFor();
  });

  it('shows researchers the de-identified dashboard and no patient pages', async () => {
    const page = await signedIn('researcher');
    await page.getByRole('heading', { name: 'Research' }).waitFor();
    await expect(page.getByRole('link', { name: 'Patients' }).count()).resolves.toBe(0);
    await expect(page.getByText(/counts under 5 suppressed/).isVisible()).resolves.toBe(true);
    // With no released case, each figure says why it is empty instead of a sentence of blanks.
    await expect(page.getByRole('region', { name: 'Engine agreement' }).textContent()).resolves.toContain(
      'Fewer than 5 analysed cases match',
    );
    await expect(page.getByText(/No month has 5 or more cases of one disease yet/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Export cases (CSV)' }).getAttribute('href')).resolves.toBe(
      '/api/v1/research/cases.csv',
    );
  });
});
