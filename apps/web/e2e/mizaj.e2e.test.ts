// Assessing a patient's Mizaj in a real browser: the questionnaire answered in English and then in Urdu, the result
// on the patient's page with how it was set, and the history, all still there after a reload.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';
import { sendWith } from './sharedVisit.ts';

/** Checks one answer of a question, each found by its visible words. */
async function answer(page: Page, question: RegExp, choice: string) {
  await page.getByRole('group', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
}

describe.runIf(browserAvailable())('assessing the Mizaj, in a real browser', () => {
  const ctx = productInBrowser();

  it('answers the questionnaire in English and in Urdu, and shows each result on the patient page', async () => {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Mizaj');
    const page = await ctx.browser.newPage();
    await ctx.signIn(page, user.email);
    const session = (await (await page.request.get(`${ctx.product.url}/api/v1/auth/session`)).json()) as {
      csrfToken: string;
    };
    const send = sendWith(page.request, ctx.product.url, session.csrfToken);
    const patient = await send<{ id: string }>('/api/v1/patients', { name: 'Tariq Mehmood', age: 44, sex: 'male' });

    await page.goto(`${ctx.product.url}/patients/${patient.id}`);
    await page.getByRole('heading', { name: 'Mizaj (temperament)' }).waitFor();
    await page.getByText('Not assessed yet.').waitFor();
    await page.getByRole('link', { name: 'Assess Mizaj' }).click();
    await page.getByRole('heading', { name: 'Assess Mizaj' }).waitFor();

    const status = page.getByRole('status');
    const save = page.getByRole('button', { name: 'Save assessment' });
    await answer(page, /Build: flesh and fat/, 'Lean and thin, little flesh or fat');
    await answer(page, /Complexion/, 'Yellowish or sallow');
    await answer(page, /Warmth of the skin/, 'Warm');
    await expect(status.textContent()).resolves.toBe(
      'Answer at least 6 of the 12 questions to see a result (3 answered).',
    );
    await expect(save.isDisabled()).resolves.toBe(true);
    await answer(page, /Feel of the skin and nails/, 'Dry, rough or hard');
    await answer(page, /Hair: amount, growth and colour/, 'Abundant and dark, grows quickly');
    await answer(page, /Hair: texture/, 'Thick and curly');
    await answer(page, /Sleep/, 'Sleeps little or lightly, wakes easily');
    await answer(page, /Which weather troubles/, 'Hot weather, summer');
    await answer(page, /Appetite, digestion and thirst/, 'Strong appetite and much thirst');
    await answer(page, /Urine, sweat and stool/, 'Deep-coloured urine; strong smell of sweat and stool');
    await answer(page, /Pulse \(Nabz\)/, 'Quick and frequent, hard');
    await answer(page, /State of mind/, 'Quick to anger, bold and determined; anger lingers');
    await expect(status.textContent()).resolves.toBe('Result: Safravi (bilious), confidence 90% (12 of 12 answered)');
    await save.click();

    await page.getByRole('heading', { name: 'Tariq Mehmood' }).waitFor();
    const mizaj = page.getByRole('region', { name: 'Mizaj (temperament)' });
    await mizaj.getByText('Safravi (bilious)', { exact: true }).waitFor();
    await expect(mizaj.textContent()).resolves.toMatch(/by the questionnaire on .+, confidence 90%/);
    await page.reload();
    await mizaj.getByText('Safravi (bilious)', { exact: true }).waitFor();
    // The list of assessments arrives with its own request: wait for it before reading it.
    const assessments = page.getByRole('list', { name: 'Assessments' }).getByRole('listitem');
    await assessments.first().waitFor();
    await expect(assessments.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Questionnaire: Safravi · confidence 90%/),
    ]);

    // The same in Urdu: a cold and moist patient, the pulse not felt, a revision of the first assessment.
    await page.evaluate(() => localStorage.setItem('unani-cdss.language', 'ur'));
    await page.reload();
    await page.getByRole('heading', { name: 'مزاج', exact: true }).waitFor();
    await page.getByRole('link', { name: 'مزاج کا جائزہ لیں' }).click();
    await page.getByRole('heading', { name: 'مزاج کا جائزہ', exact: true }).waitFor();
    await answer(page, /جسم کی ساخت/, 'فربہ اور نرم، چربی زیادہ');
    await answer(page, /رنگت/, 'سفیدی مائل یا پھیکی');
    await answer(page, /ہاتھ لگانے پر جلد کی حرارت/, 'ٹھنڈی');
    await answer(page, /جلد اور ناخنوں کی کیفیت/, 'نرم اور ملائم');
    await answer(page, /نیند/, 'زیادہ اور گہری نیند، اکثر غنودگی');
    await answer(page, /کون سا موسم/, 'سرد موسم، سردیاں');
    await answer(page, /بھوک، ہاضمہ اور پیاس/, 'ہاضمہ کمزور، پیاس کم');
    await answer(page, /ذہنی کیفیت/, 'پرسکون، دھیما اور ٹھنڈا؛ دیر سے غصہ');
    // Eight of twelve answered, all cold and moist: the margin is whole, the confidence 8/12.
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'نتیجہ: بلغمی (غلبۂ بلغم)، اعتماد 67% (12 میں سے 8 سوالوں کے جواب)',
    );
    await page.getByRole('button', { name: 'جائزہ محفوظ کریں' }).click();

    await page.getByRole('heading', { name: 'Tariq Mehmood' }).waitFor();
    const urduMizaj = page.getByRole('region', { name: 'مزاج', exact: true });
    await urduMizaj.getByText('بلغمی (غلبۂ بلغم)', { exact: true }).waitFor();
    await expect(urduMizaj.textContent()).resolves.toMatch(/سوال نامے سے، .+ کو، اعتماد 67%/);
    await page.reload();
    await urduMizaj.getByText('بلغمی (غلبۂ بلغم)', { exact: true }).waitFor();
    const history = page.getByRole('list', { name: 'سابقہ جائزے' }).getByRole('listitem');
    await history.nth(1).waitFor();
    await expect(history.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^سوال نامہ: بلغمی · اعتماد 67%/),
      expect.stringMatching(/^سوال نامہ: صفراوی · اعتماد 90%/),
    ]);
  }, 120_000);
});
