import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable, launchBrowser } from './browser.ts';
import { startProduct } from './productServer.ts';
import { DESKTOP, PHONE, screenshot } from './screenshots.ts';
import { createPlannedVisit, sendWith, shareNote } from './sharedVisit.ts';

type Shared = { id: string; url: string };

describe.runIf(browserAvailable())('the patient’s note, opened from its link without an account', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let practitioner: BrowserContext;
  const notes: Record<'en' | 'ur' | 'expiring', Shared> = {} as Record<'en' | 'ur' | 'expiring', Shared>;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const user = await createTestUser(product.db, 'practitioner', 'Hakim Nafees');
    practitioner = await browser.newContext();
    const page = await practitioner.newPage();
    await page.goto(`${product.url}/`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();

    // The visit behind the notes, prepared through the API with the signed-in session.
    const me = (await (await page.request.get(`${product.url}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const send = sendWith(page.request, product.url, me.csrfToken);
    const visit = await createPlannedVisit(send);
    for (const [key, language] of [
      ['en', 'en'],
      ['ur', 'ur'],
      ['expiring', 'en'],
    ] as const)
      notes[key] = await shareNote(send, visit.visitId, language);
  }, 120_000);

  afterAll(async () => {
    await practitioner?.close();
    await browser?.close();
    await product?.close();
  });

  /** A fresh browser with no cookies, as the patient's phone. */
  async function patientPage(viewport = PHONE) {
    const context = await browser.newContext({ viewport });
    return { page: await context.newPage(), close: () => context.close() };
  }

  it('shows an Urdu note right to left, in the Urdu font, with headings in Urdu', async () => {
    const { page, close } = await patientPage();
    await page.goto(notes.ur.url);
    await page.getByRole('heading', { name: 'آپ کا علاجی نسخہ' }).waitFor();
    const main = page.locator('main');
    await expect(main.getAttribute('lang')).resolves.toBe('ur');
    await expect(main.getAttribute('dir')).resolves.toBe('rtl');
    await expect(main.getAttribute('class')).resolves.toContain('urdu');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.getByRole('heading', { name: 'دوائیں' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('شقیقہ').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Itrifal Ustukhuddus').isVisible()).resolves.toBe(true);
    await screenshot(page, 'patient-note-ur-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'patient-note-ur-desktop');
    await close();
  });

  it('fits an English note on a phone without sideways scrolling', async () => {
    const { page, close } = await patientPage();
    await page.goto(notes.en.url);
    await page.getByRole('heading', { name: 'Your treatment note' }).waitFor();
    const text = await page.locator('main').textContent();
    for (const expected of ['Migraine', 'Shaqeeqa', 'One-sided throbbing headache.', 'Itrifal Ustukhuddus']) {
      expect(text).toContain(expected);
    }
    for (const [heading, item] of [
      ['Foods to take', 'Light, easily digestible food'],
      ['Foods to avoid', 'Fried and spicy food'],
      ['Regimen', 'Rest in a dark, quiet room'],
      ['Advice', 'Sleep at regular hours'],
      ['Follow-up', 'After two weeks'],
    ] as const) {
      await expect(page.getByRole('region', { name: heading }).textContent()).resolves.toContain(item);
    }
    expect(text).toContain('Hakim Nafees');
    expect(text).toMatch(/advisory/);
    const fits = await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth);
    expect(fits).toBe(true);
    await screenshot(page, 'patient-note-en-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'patient-note-en-desktop');
    await close();
  });

  it('prints without its buttons', async () => {
    const { page, close } = await patientPage();
    await page.goto(notes.en.url);
    const print = page.getByRole('button', { name: 'Print' });
    await print.waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(print.isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'Your treatment note' }).isVisible()).resolves.toBe(true);
    await close();
  });

  it('says kindly that an expired link has expired', async () => {
    await product.db.patientNote.update({
      where: { id: notes.expiring.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    const { page, close } = await patientPage();
    await page.goto(notes.expiring.url);
    await page.getByRole('heading', { name: 'This note is no longer available' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'This note has expired. Please ask your practitioner for a new link.',
    );
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/[{}]|Error|status/);
    await close();
  });

  it('says an unknown link is not valid', async () => {
    const { page, close } = await patientPage();
    await page.goto(`${product.url}/n/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'This link is not valid. Please ask your practitioner for a new one.',
    );
    await close();
  });
});
