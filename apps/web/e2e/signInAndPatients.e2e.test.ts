import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';

describe.runIf(browserAvailable())('signing in and registering a patient, in a real browser', () => {
  const ctx = productInBrowser();

  async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
    await page.goto(`${ctx.product.url}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('says clearly when the credentials are wrong', async () => {
    const page = await ctx.browser.newPage();
    await signIn(page, 'nobody@example.org', 'not the password');
    // The same words for an unknown account, a wrong password and an account with too many attempts.
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^The email or the password is wrong/);
  });

  it('registers a patient and opens the patient’s page, then finds the patient by name', async () => {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Browser');
    const page = await ctx.browser.newPage();
    await signIn(page, user.email);
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.getByRole('link', { name: 'New patient' }).click();
    // After moving to a page, focus starts at its content.
    await page.getByRole('heading', { name: 'New patient' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('MAIN');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByText('Enter the age in years (0–130).').isVisible()).resolves.toBe(true);
    await page.getByLabel('Name').fill('Fatima Zahra');
    await page.getByRole('spinbutton', { name: /^Age/ }).fill('29');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Temperament (Mizaj)').selectOption('balghami');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Fatima Zahra' }).waitFor();
    expect(page.url()).toMatch(/\/patients\/\w+$/);
    await expect(page.getByText('Balghami (phlegmatic)').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: '← Patients' }).click();
    await page.getByLabel('Search patients').fill('fati');
    await page.getByRole('list', { name: 'Patients' }).getByText('Fatima Zahra').waitFor();
    await expect(
      page
        .getByText(/advisory/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
  });
});
