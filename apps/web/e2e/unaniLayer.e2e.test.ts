// The Unani layer on the project's own knowledge base, in a real browser: a Safravi patient with pain under the
// right ribs, jaundice, fever and a quick pulse; the differential names the Mizaj where it moved a disease, and the
// plan for Waram-e-Kabid starts from the Safravi type's treatment and follows another type when one is chosen.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';
import { DESKTOP, screenshot } from './screenshots.ts';
import { sendWith } from './sharedVisit.ts';

const projectKnowledge = fileURLToPath(new URL('../../../data/knowledge', import.meta.url));

describe.runIf(browserAvailable())('the Unani layer, in a real browser', () => {
  // The whole knowledge base, its engine trained briefly: what is checked here (the Mizaj's reason from the
  // knowledge model, the plan's types) does not depend on the network's training, and the start must fit in its
  // time on a busy machine.
  const ctx = productInBrowser({ knowledgeDir: projectKnowledge, training: { casesPerDisease: 15, epochs: 2 } });

  it('starts the Waram-e-Kabid plan from the type of the patient’s Mizaj and follows the type chosen', async () => {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Unani');
    const page = await ctx.browser.newPage();
    await page.setViewportSize(DESKTOP);
    await ctx.signIn(page, user.email);
    const session = (await (await page.request.get(`${ctx.product.url}/api/v1/auth/session`)).json()) as {
      csrfToken: string;
    };
    const send = sendWith(page.request, ctx.product.url, session.csrfToken);
    const patient = await send<{ id: string }>('/api/v1/patients', {
      name: 'Saira Bano',
      age: 35,
      sex: 'female',
      temperament: 'safravi',
    });
    const visit = await send<{ id: string }>(`/api/v1/patients/${patient.id}/encounters`, {
      complaint:
        'pain and heaviness under the right ribs, no appetite, yellow eyes, fever, very thirsty, nausea, nabz saree',
    });
    await send(`/api/v1/encounters/${visit.id}/analyse`, {});
    await send(`/api/v1/encounters/${visit.id}/diagnosis`, { diseaseCode: 'waram-e-kabid' });

    await page.goto(`${ctx.product.url}/visits/${visit.id}`);
    const differential = page.getByRole('list', { name: 'Differential diagnosis' });
    await differential.getByText('Waram-e-Kabid').first().waitFor();
    // Waram-e-Kabid is a disease of the hot humours: the patient's Safravi Mizaj is named among its reasons.
    await differential.getByText('Why Waram-e-Kabid').click();
    await differential.getByText('Safravi Mizaj supports it').first().waitFor();
    const plan = page.getByRole('region', { name: 'Treatment plan' });
    const type = plan.getByLabel('Humoural type');
    await type.waitFor();
    await expect(type.inputValue()).resolves.toBe('safravi');
    // The Safravi type's syrup is there, the Balghami type's warming electuary is not; the shared advice is.
    await plan.getByLabel('Amount of Sharbat-e-Unnab').waitFor();
    await expect(plan.getByLabel('Amount of Dawa-ul-Kurkum').count()).resolves.toBe(0);
    await expect(plan.getByText('Avoid strong purgatives and diuretics', { exact: false }).count()).resolves.toBe(0);
    await expect(
      plan.locator('textarea, input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).resolves.toContain(
      'Avoid strong purgatives and diuretics; rest; refer if confused, bleeding, or jaundice deepens',
    );
    await screenshot(page, 'unani-layer-desktop');

    await type.selectOption('balghami');
    await plan.getByLabel('Amount of Dawa-ul-Kurkum').waitFor();
    await expect(plan.getByLabel('Amount of Sharbat-e-Unnab').count()).resolves.toBe(0);

    // Typing saves the Balghami draft; the save keeps the editor, and the field being typed in, as they are.
    const followUp = plan.getByLabel('Follow-up');
    await followUp.fill('After ten days');
    await plan
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .first()
      .waitFor();
    await expect(followUp.evaluate((field) => field === document.activeElement)).resolves.toBe(true);
    await followUp.press('End');
    await followUp.pressSequentially(', with liver tests');
    await expect(followUp.inputValue()).resolves.toBe('After ten days, with liver tests');
    await expect(plan.getByLabel('Amount of Dawa-ul-Kurkum').count()).resolves.toBe(1);
    await page.close();
  }, 120_000);
});
