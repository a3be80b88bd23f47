import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';
import { PHONE, screenshot } from './screenshots.ts';

describe.runIf(browserAvailable())('a visit from complaint to the patient’s note, in a real browser', () => {
  const ctx = productInBrowser();

  const analysed = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/analyse') && r.ok());

  it('parses the complaint, analyses, confirms, plans, shares and revokes the note', async () => {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Ajmal');
    const page = await ctx.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await ctx.signIn(page, user.email);

    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByLabel('Name').fill('Ayesha Siddiqui');
    await page.getByRole('spinbutton', { name: /^Age/ }).fill('34');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Ayesha Siddiqui' }).waitFor();
    await page.getByRole('button', { name: 'New visit' }).click();
    await page.getByRole('heading', { name: 'Visit', exact: true }).waitFor();
    await page.getByRole('link', { name: '← Ayesha Siddiqui' }).waitFor();

    // The complaint becomes findings as it is typed; "no fever" is an absent finding.
    await page.getByLabel('Complaint').fill('headache for 3 days and nausea, no fever, sensitivity to light');
    const findings = page.getByRole('list', { name: 'Findings' });
    const chip = (name: string) => findings.getByRole('listitem').filter({ hasText: name });
    await chip('sensitivity to light').waitFor();
    await expect(chip('fever').getAttribute('class')).resolves.toContain('absent');
    await expect(chip('fever').textContent()).resolves.toMatch(/^No fever/);
    await expect(chip('headache').getAttribute('class')).resolves.not.toContain('absent');
    await expect(chip('headache').textContent()).resolves.toContain('3 d');

    await findings.getByRole('button', { name: 'Remove nausea' }).click();
    await expect(chip('nausea').count()).resolves.toBe(0);

    // Any name of a symptom finds it: "chheenk" is sneezing in Urdu.
    await page.getByLabel('Add finding').fill('chheenk');
    await page.getByRole('button', { name: 'Add sneezing as present' }).click();
    await chip('sneezing').waitFor();

    await page.getByLabel('Mizaj (temperament)').selectOption('safravi');
    await page.getByLabel('Nabz (pulse) notes').fill('Sareeʿ (quick), strong');

    let response = analysed(page);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await response;
    const differential = page.getByRole('list', { name: 'Differential diagnosis' });
    const first = differential.getByRole('listitem').first();
    await expect(first.textContent()).resolves.toMatch(/Shaqeeqa.*Migraine.*\d+%/);
    await first.getByText('Why Shaqeeqa').click();
    await expect(first.getByText('headache').first().isVisible()).resolves.toBe(true);

    // A suggested question answered in one click becomes a finding and the analysis runs again.
    const askNext = page.getByRole('region', { name: 'Ask next' });
    const yes = askNext.getByRole('button', { name: /^Yes: / }).first();
    const asked = ((await yes.getAttribute('aria-label')) ?? '').replace('Yes: ', '');
    response = analysed(page);
    await yes.click();
    await response;
    await chip(asked).waitFor();
    await expect(chip(asked).getAttribute('class')).resolves.not.toContain('absent');

    // The triage and the red flag come first and cannot be missed.
    await page.getByLabel('Add finding').fill('fainting');
    await page.getByRole('button', { name: 'Add loss of consciousness as present' }).click();
    response = analysed(page);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await response;
    const triage = page.getByRole('alert').filter({ hasText: 'Triage: Emergency' });
    await expect(triage.textContent()).resolves.toContain('emergency department');
    const alert = page.getByRole('alert').filter({ hasText: 'Red flag' });
    await expect(alert.textContent()).resolves.toContain('Loss of consciousness');
    const alertFirst = await page.evaluate(() => {
      const banner = document.querySelector('[role="alert"].triage');
      const flag = document.querySelector('[role="alert"].alert');
      const list = document.querySelector('ol[aria-label="Differential diagnosis"]');
      const before = (a: Element | null, b: Element | null) =>
        Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return before(banner, flag) && before(flag, list);
    });
    expect(alertFirst).toBe(true);
    await findings.getByRole('button', { name: 'Remove loss of consciousness' }).click();
    response = analysed(page);
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await response;
    await expect(alert.count()).resolves.toBe(0);
    await expect(triage.count()).resolves.toBe(0);

    // Confirming Shaqeeqa pre-fills the plan from its protocol.
    await differential.getByRole('button', { name: 'Confirm Shaqeeqa' }).click();
    await page.getByRole('heading', { name: 'Treatment plan' }).waitFor();
    // The protocol's "5 g at bedtime" arrives as parts; the amount is changed and an instruction added.
    const amount = page.getByLabel('Amount of Itrifal Ustukhuddus');
    await expect(amount.inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Dose unit of Itrifal Ustukhuddus').inputValue()).resolves.toBe('g');
    await expect(page.getByLabel('How often to take Itrifal Ustukhuddus').inputValue()).resolves.toBe('bedtime');
    await expect(page.getByLabel('Duration of Itrifal Ustukhuddus').inputValue()).resolves.toBe('4');
    await expect(page.getByLabel('Duration unit of Itrifal Ustukhuddus').inputValue()).resolves.toBe('weeks');
    await amount.fill('7');
    await page.getByLabel('Instructions for Itrifal Ustukhuddus').fill('with warm water');
    await page.getByLabel('Follow-up').fill('After two weeks');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByRole('status').filter({ hasText: 'Plan saved.' }).waitFor();
    await screenshot(page, 'visit-desktop');
    const desktop = page.viewportSize();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'visit-phone');
    if (desktop) await page.setViewportSize(desktop);

    // Everything saved is there after a reload.
    await page.reload();
    await chip('sneezing').waitFor();
    await expect(chip('fever').getAttribute('class')).resolves.toContain('absent');
    await expect(chip('nausea').count()).resolves.toBe(asked === 'nausea' ? 1 : 0);
    await expect(page.getByLabel('Mizaj (temperament)').inputValue()).resolves.toBe('safravi');
    await expect(page.getByLabel('Nabz (pulse) notes').inputValue()).resolves.toBe('Sareeʿ (quick), strong');
    await expect(page.getByText('Confirmed: Shaqeeqa').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Amount of Itrifal Ustukhuddus').inputValue()).resolves.toBe('7');
    await expect(page.getByLabel('Instructions for Itrifal Ustukhuddus').inputValue()).resolves.toBe('with warm water');
    await expect(page.getByLabel('Follow-up').inputValue()).resolves.toBe('After two weeks');
    await expect(
      page.getByRole('list', { name: 'Differential diagnosis' }).getByText('Shaqeeqa').first().isVisible(),
    ).resolves.toBe(true);

    // Sharing: a link, its QR code and a WhatsApp message.
    await page.getByLabel('Language of the note').selectOption('en');
    await page.getByRole('button', { name: 'Share with patient' }).click();
    const link = page.getByLabel('Patient link');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/n\/[\w-]{43}$/);
    // The server runs on this computer's own address: the share panel says the link will not reach a phone.
    await expect(page.getByText(/it will not open on the patient’s phone/).isVisible()).resolves.toBe(true);
    const qr = page.getByRole('img', { name: 'QR code for the patient link' });
    await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    const whatsApp = await page.getByRole('link', { name: 'Send on WhatsApp' }).getAttribute('href');
    expect(whatsApp).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(whatsApp).toContain(encodeURIComponent(url));

    // The patient opens it without an account.
    const patientContext = await ctx.browser.newContext();
    const patientPage = await patientContext.newPage();
    await patientPage.goto(url);
    await patientPage.getByRole('heading', { name: 'Your treatment note' }).waitFor();
    const noteText = await patientPage.locator('main').textContent();
    expect(noteText).toContain('Migraine');
    expect(noteText).toContain('Itrifal Ustukhuddus');
    expect(noteText).toContain('7 g at bedtime · with warm water · 4 weeks');
    expect(noteText).toContain('After two weeks');
    expect(noteText).toContain('Hakim Ajmal');

    // Revoked, the link says so.
    await page.getByRole('button', { name: 'Revoke link' }).click();
    await page
      .getByRole('list', { name: 'Shared notes' })
      .getByText(/^Revoked/)
      .waitFor();
    await patientPage.reload();
    await patientPage.getByText('withdrawn').waitFor();
    await expect(
      patientPage.getByRole('heading', { name: 'This note is no longer available' }).isVisible(),
    ).resolves.toBe(true);
    await patientContext.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
