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
  it('records an infant by age in months and a history that every visit shows', async () => {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim History');
    const page = await ctx.browser.newPage();
    await signIn(page, user.email);
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByLabel('Name').fill('Baby Zainab');
    await page.getByRole('spinbutton', { name: /^Age/ }).fill('7');
    await page.getByLabel('Unit of age').selectOption('months');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Clinic number').fill('KHI-77');
    await page.getByLabel('Allergies (one per line)').fill('Honey');
    await page.getByRole('checkbox', { name: 'Epilepsy (fits)' }).check();
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Baby Zainab' }).waitFor();
    await page.getByText('7 months (estimated)').waitFor();
    await page.getByText('No. KHI-77').waitFor();
    const summary = page.getByRole('definition').filter({ hasText: 'Honey' });
    await expect(summary.isVisible()).resolves.toBe(true);

    // The history is edited on the patient page.
    await page.getByRole('button', { name: 'Edit history' }).click();
    await page.getByLabel('Current medicines (one per line)').fill('Phenobarbital syrup 5 ml at night');
    await page.getByRole('button', { name: 'Save history' }).click();
    await page.getByText('Phenobarbital syrup 5 ml at night').waitFor();

    // Every visit shows the record: allergies, conditions and medicines above the complaint.
    await page.getByRole('button', { name: 'New visit' }).click();
    await page.getByRole('heading', { name: 'Visit' }).waitFor();
    const record = page.locator('dl.patient-summary');
    await expect(record.textContent()).resolves.toMatch(/Allergies:?\s*Honey.*Epilepsy \(fits\).*Phenobarbital/s);

    // Found by its clinic number.
    await page.goto(`${ctx.product.url}/patients`);
    await page.getByLabel('Search patients').fill('KHI-77');
    await page.getByRole('list', { name: 'Patients' }).getByText('Baby Zainab').waitFor();
  });
});
