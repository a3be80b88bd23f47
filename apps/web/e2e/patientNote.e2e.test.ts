import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable, launchBrowser } from './browser.ts';
import { nastaliqLoaded } from './pageAudit.ts';
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
    // Medicine names, doses and the protocol's diet come from the knowledge base's Urdu.
    const medicines = await page.getByRole('region', { name: 'دوائیں' }).textContent();
    expect(medicines).toContain('اطریفل اسطوخودوس');
    expect(medicines).toContain('گرام، سوتے وقت');
    expect(medicines).not.toContain('Itrifal');
    await expect(page.getByRole('region', { name: 'کیا کھائیں' }).textContent()).resolves.toContain(
      'ہلکی، جلد ہضم ہونے والی غذا',
    );
    // The practitioner's own words stay as written, marked English for a screen reader.
    await expect(page.locator('[lang="en"]', { hasText: 'Sleep at regular hours' }).count()).resolves.toBe(1);
    await screenshot(page, 'patient-note-ur-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'patient-note-ur-desktop');
    await close();
  });

  it('fits an English note on a phone without sideways scrolling, asking the server for it once', async () => {
    const { page, close } = await patientPage();
    const noteRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/shared-notes/')) noteRequests.push(request.url());
    });
    // On a slow link the note can arrive before the page's code; hold the code back so that it does here.
    await page.route('**/assets/NotePage-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.goto(notes.en.url);
    await page.getByRole('heading', { name: 'Your treatment note' }).waitFor();
    // The route's loader asks while the page's code downloads; the page shows that answer, not a second one.
    await page.waitForLoadState('networkidle');
    expect(noteRequests).toHaveLength(1);
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

  it('prints an Urdu note on A4 with room for the Nastaliq letters that reach past the start of a line', async () => {
    // A4 less 10 mm margins each side, at 96 CSS pixels to the inch.
    const { page, close } = await patientPage({ width: 718, height: 1047 });
    await page.goto(notes.ur.url);
    await page.getByRole('heading', { name: 'کیا کھائیں' }).waitFor();
    await nastaliqLoaded(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    // The first letter of a right-to-left heading sits at its right end; a ک there draws past its box, and a
    // printer clips ink outside the page area ("کیا کھائیں" printed as "لیا کھائیں").
    const rooms = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main h1, main h2'), (heading) => {
        const range = document.createRange();
        range.selectNodeContents(heading);
        const fontSize = Number.parseFloat(getComputedStyle(heading).fontSize);
        return {
          text: heading.textContent,
          roomInEm: (document.documentElement.clientWidth - range.getBoundingClientRect().right) / fontSize,
        };
      }),
    );
    expect(rooms.length).toBeGreaterThan(3);
    for (const room of rooms) expect(room.roomInEm, room.text ?? '').toBeGreaterThanOrEqual(0.3);
    const pdf = await page.pdf({ format: 'A4', margin: { top: '10mm', right: '10mm', bottom: '10mm', left: '10mm' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
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

  it('says in Urdu that an Urdu note was withdrawn, and that an unknown Urdu link is not valid', async () => {
    await product.db.patientNote.update({ where: { id: notes.ur.id }, data: { revokedAt: new Date() } });
    const { page, close } = await patientPage();
    await page.goto(notes.ur.url);
    await page.getByRole('heading', { name: 'یہ نسخہ اب دستیاب نہیں' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('یہ نسخہ واپس لے لیا گیا ہے۔');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ur');
    await expect(page.locator('main').getAttribute('dir')).resolves.toBe('rtl');
    await page.goto(`${product.url}/n/${'x'.repeat(43)}?lang=ur`);
    await page.getByRole('heading', { name: 'یہ لنک درست نہیں' }).waitFor();
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
