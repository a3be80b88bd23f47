import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';
import { nastaliqLoaded } from './pageAudit.ts';
import { screenshot } from './screenshots.ts';

const MAX_TABS = 60;

const documentLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** The focused element's outline, to tell whether a keyboard user can see where they are. */
const focusOutline = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing focused';
    const style = getComputedStyle(el);
    return style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) === 0
      ? `no outline on ${el.outerHTML.slice(0, 80)}`
      : 'visible';
  });

/** Presses Tab until the element has the focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator) {
  await target.waitFor();
  for (let i = 0; i < MAX_TABS; i++) {
    if (await isFocused(target)) {
      expect(await focusOutline(page)).toBe('visible');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with Tab: ${target}`);
}

describe.runIf(browserAvailable())(
  'the interface in English and Urdu, and by keyboard alone, in a real browser',
  () => {
    const ctx = productInBrowser();

    it('switches to اردو right to left on the sign-in page and after, remembers it, and switches back to English', async () => {
      const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Zaban');
      const page = await ctx.browser.newPage();
      await page.goto(`${ctx.product.url}/sign-in`);
      await expect(documentLanguage(page)).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      const language = page.getByRole('combobox', { name: 'Language / زبان' });
      await language.waitFor();
      await expect(language.locator('option').allTextContents()).resolves.toEqual(['English', 'اردو']);

      await language.selectOption('ur');
      await expect(documentLanguage(page)).resolves.toEqual({ lang: 'ur', dir: 'rtl' });
      await page.getByLabel('ای میل').fill(user.email);
      await page.getByLabel('پاس ورڈ').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'سائن ان کریں' }).click();
      await page.getByRole('heading', { name: 'مریض' }).waitFor();
      await expect(page.getByRole('link', { name: 'نیا مریض' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('navigation', { name: 'مرکزی' }).isVisible()).resolves.toBe(true);
      const font = await page.getByRole('heading', { name: 'مریض' }).evaluate((h) => getComputedStyle(h).fontFamily);
      expect(font).toContain('Noto Nastaliq Urdu');
      // The font is declared after the first page has painted, and then loads for the Urdu on screen.
      await nastaliqLoaded(page);

      await page.reload();
      await page.getByRole('heading', { name: 'مریض' }).waitFor();
      await expect(documentLanguage(page)).resolves.toEqual({ lang: 'ur', dir: 'rtl' });

      await page.getByRole('link', { name: 'نیا مریض' }).click();
      await page.getByRole('heading', { name: 'نیا مریض' }).waitFor();
      await screenshot(page, 'new-patient-ur-desktop');
      await page.getByRole('combobox', { name: 'Language / زبان' }).selectOption('en');
      await expect(documentLanguage(page)).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      await page.getByRole('heading', { name: 'New patient', exact: true }).waitFor();
      await expect(page.getByRole('button', { name: 'Save patient' }).isVisible()).resolves.toBe(true);
      await expect(page.getByLabel('Temperament (Mizaj)').isVisible()).resolves.toBe(true);
      await page.getByRole('link', { name: 'Patients', exact: true }).click();
      await page.getByRole('heading', { name: 'Patients' }).waitFor();
      await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);

      await page.reload();
      await page.getByRole('heading', { name: 'Patients' }).waitFor();
      await expect(documentLanguage(page)).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      await page.close();
    }, 60_000);

    it('walks from sign-in through the differential to a shared note with the keyboard alone, the focus always visible', async () => {
      const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Keyboard');
      const page = await ctx.browser.newPage({ viewport: { width: 1100, height: 900 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      const { keyboard } = page;
      await page.goto(`${ctx.product.url}/sign-in`);

      await tabTo(page, page.getByLabel('Email'));
      await keyboard.type(user.email);
      await keyboard.press('Tab');
      await keyboard.type(TEST_PASSWORD);
      await keyboard.press('Shift+Tab');
      await expect(isFocused(page.getByLabel('Email'))).resolves.toBe(true);
      await tabTo(page, page.getByRole('button', { name: 'Sign in' }));
      await keyboard.press('Enter');

      await tabTo(page, page.getByRole('link', { name: 'New patient' }));
      await keyboard.press('Enter');
      await tabTo(page, page.getByLabel('Name'));
      await keyboard.type('Zainab Keyboard');
      await tabTo(page, page.getByRole('spinbutton', { name: /^Age/ }));
      await keyboard.type('52');
      await tabTo(page, page.getByLabel('Sex'));
      await keyboard.press('ArrowDown');
      await expect(page.getByLabel('Sex').inputValue()).resolves.toBe('female');
      await tabTo(page, page.getByRole('button', { name: 'Save patient' }));
      await keyboard.press('Enter');

      await page.getByRole('heading', { name: 'Zainab Keyboard' }).waitFor();
      await tabTo(page, page.getByRole('button', { name: 'New visit' }));
      await keyboard.press('Space');
      await page.getByRole('heading', { name: 'Visit', exact: true }).waitFor();

      await tabTo(page, page.getByLabel('Complaint'));
      await keyboard.type('headache for 3 days and nausea, no fever, sensitivity to light');
      const findings = page.getByRole('list', { name: 'Findings' });
      const chip = (name: string) => findings.getByRole('listitem').filter({ hasText: name });
      await chip('sensitivity to light').waitFor();
      await tabTo(page, findings.getByRole('button', { name: 'Remove nausea' }));
      await keyboard.press('Space');
      await expect(chip('nausea').count()).resolves.toBe(0);

      await tabTo(page, page.getByLabel('Add finding'));
      await keyboard.type('chheenk');
      await tabTo(page, page.getByRole('button', { name: 'Add sneezing as present' }));
      await keyboard.press('Enter');
      await chip('sneezing').waitFor();

      await tabTo(page, page.getByRole('button', { name: 'Analyse', exact: true }));
      const analysed = page.waitForResponse((r) => r.url().endsWith('/analyse') && r.ok());
      await keyboard.press('Enter');
      await analysed;
      const differential = page.getByRole('list', { name: 'Differential diagnosis' });
      const first = differential.getByRole('listitem').first();
      await expect(first.textContent()).resolves.toMatch(/Shaqeeqa.*Migraine.*\d+%/);

      // The "Why …" expander opens from the keyboard, and the next questions can be answered from it.
      const why = first.getByText('Why Shaqeeqa');
      await tabTo(page, why);
      await keyboard.press('Enter');
      await expect(first.locator('details').getAttribute('open')).resolves.toBe('');
      const yes = page
        .getByRole('region', { name: 'Ask next' })
        .getByRole('button', { name: /^Yes: / })
        .first();
      await tabTo(page, yes);
      const asked = ((await yes.getAttribute('aria-label')) ?? '').replace('Yes: ', '');
      const reanalysed = page.waitForResponse((r) => r.url().endsWith('/analyse') && r.ok());
      await keyboard.press('Space');
      await reanalysed;
      await chip(asked).waitFor();

      // Confirm, save the plan pre-filled from the protocol, and share it: still without the mouse.
      await tabTo(page, differential.getByRole('button', { name: 'Confirm Shaqeeqa (Migraine)' }));
      await keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Treatment plan' }).waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Save plan' }));
      await keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Plan saved.' }).waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Share with patient' }));
      await keyboard.press('Enter');
      await tabTo(page, page.getByLabel('Patient link'));
      await expect(page.getByLabel('Patient link').inputValue()).resolves.toMatch(/\/n\/[\w-]{43}$/);
      expect(pageErrors).toEqual([]);
      await page.close();
    }, 120_000);
  },
);
