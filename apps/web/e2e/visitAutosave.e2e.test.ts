// The visit screen keeps what the practitioner types: it saves as they type, keeps edits on the device while the
// server cannot be reached, asks before leaving unsaved edits, and stops at a closed visit; in English and Urdu.
import type { Locator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';

const UNSAVED_PREFIX = 'unani-cdss.unsaved-visit.';

describe.runIf(browserAvailable())('the visit saves as the practitioner types, in a real browser', () => {
  const ctx = productInBrowser();

  /** A new practitioner signed in on a new page, a patient and a visit made through the API, the visit open. */
  async function openVisit(options: { language?: 'ur' } = {}) {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Autosave');
    const page = await ctx.browser.newPage({ viewport: { width: 1100, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await ctx.signIn(page, user.email);
    const me = (await (await page.request.get(`${ctx.product.url}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const send = async (method: 'POST' | 'PATCH', path: string, data: unknown) => {
      const res = await page.request.fetch(`${ctx.product.url}${path}`, {
        method,
        data,
        headers: { 'x-csrf-token': me.csrfToken },
      });
      if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()}`);
      return (await res.json()) as { id: string };
    };
    const patient = await send('POST', '/api/v1/patients', { name: 'Saima Autosave', age: 29, sex: 'female' });
    const visit = await send('POST', `/api/v1/patients/${patient.id}/encounters`, { complaint: 'headache for 3 days' });
    if (options.language) await page.evaluate((l) => localStorage.setItem('unani-cdss.language', l), options.language);
    await page.goto(`${ctx.product.url}/visits/${visit.id}`);
    await page.getByRole('heading', { name: options.language ? 'معائنہ' : 'Visit', exact: true }).waitFor();
    return { page, pageErrors, visitId: visit.id, send };
  }

  const stored = (visitId: string) =>
    ctx.product.db.encounter.findUniqueOrThrow({
      where: { id: visitId },
      select: { complaint: true, temperament: true, nabzNotes: true },
    });

  /** The live status whose whole text is `text` ("Saved" is not "Plan saved."). */
  const status = (within: Page | Locator, text: string) =>
    within
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .first();

  /** The visits whose unsaved edits this page's device keeps. */
  const keptOnDevice = (page: Page) =>
    page.evaluate(
      (prefix) =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith(prefix))
          .map((key) => localStorage.getItem(key) ?? ''),
      UNSAVED_PREFIX,
    );

  /** Holds back every save of the visit until `release()`, so its edits stay unsaved meanwhile. */
  async function holdSaves(page: Page, visitId: string) {
    const held: Route[] = [];
    const url = `**/api/v1/encounters/${visitId}`;
    const hold = (route: Route) => {
      if (route.request().method() === 'PATCH') held.push(route);
      else void route.continue();
    };
    await page.route(url, hold);
    return {
      async release() {
        await page.unroute(url, hold);
        // A request the page gave up on meanwhile is already answered; autosave sends its edits again.
        for (const route of held.splice(0)) await route.continue().catch(() => undefined);
      },
    };
  }

  /** Every request to the API fails as if the network were down, until `restore()`. */
  async function cutTheServerOff(page: Page) {
    const refuse = (route: Route) => route.abort('internetdisconnected');
    await page.route('**/api/**', refuse);
    return { restore: () => page.unroute('**/api/**', refuse) };
  }

  it('keeps Mizaj and Nabz through a diagnosis, a plan and a share, after a reload and in the database', async () => {
    const { page, pageErrors, visitId } = await openVisit();
    await page.getByLabel('Mizaj (temperament)').selectOption('safravi');
    await page.getByLabel('Nabz (pulse) notes').fill('Nabz saree, mutawatir');

    await page.getByLabel('Confirm another diagnosis').fill('Shaqeeqa');
    await page.getByRole('button', { name: 'Confirm Shaqeeqa (Migraine)' }).click();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await status(page, 'Plan saved.').waitFor();
    await page.getByRole('button', { name: 'Share with patient' }).click();
    await page.getByLabel('Patient link').waitFor();
    await status(page, 'Saved').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Visit', exact: true }).waitFor();
    await expect(page.getByLabel('Mizaj (temperament)').inputValue()).resolves.toBe('safravi');
    await expect(page.getByLabel('Nabz (pulse) notes').inputValue()).resolves.toBe('Nabz saree, mutawatir');
    await expect(stored(visitId)).resolves.toMatchObject({
      temperament: 'safravi',
      nabzNotes: 'Nabz saree, mutawatir',
    });
    const fromApi = await page.request.get(`${ctx.product.url}/api/v1/encounters/${visitId}`);
    await expect(fromApi.json()).resolves.toMatchObject({ temperament: 'safravi', nabzNotes: 'Nabz saree, mutawatir' });
    await expect(keptOnDevice(page)).resolves.toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('asks before leaving a visit whose complaint is not saved yet, and not once it is saved', async () => {
    const { page, pageErrors, visitId } = await openVisit();
    const saves = await holdSaves(page, visitId);
    await page.getByLabel('Complaint').fill('headache for 3 days and dizziness');
    await status(page, 'Saving…').waitFor();

    // A reload (or closing the tab): the browser's own question; declined, the page stays as it was.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    const reload = page.reload({ timeout: 3_000 }).then(
      () => 'reloaded',
      () => 'stayed',
    );
    await expect(asked).resolves.toBe('beforeunload');
    await expect(reload).resolves.toBe('stayed');

    // A link inside the app: the visit's own dialog, staying being the first choice.
    await page.getByRole('link', { name: '← Saima Autosave' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave the visit?' });
    await dialog.waitFor();
    await expect(dialog.getByRole('button').allTextContents()).resolves.toEqual([
      'Stay on the visit',
      'Leave without saving',
    ]);
    await expect(
      dialog.getByRole('button', { name: 'Stay on the visit' }).evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(`/visits/${visitId}`);
    await expect(page.getByLabel('Complaint').inputValue()).resolves.toBe('headache for 3 days and dizziness');

    await saves.release();
    await status(page, 'Saved').waitFor();
    await page.getByRole('link', { name: '← Saima Autosave' }).click();
    await page.getByRole('heading', { name: 'Saima Autosave' }).waitFor();
    await expect(stored(visitId)).resolves.toMatchObject({ complaint: 'headache for 3 days and dizziness' });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('keeps text typed while the server is away on the device, through a reload, and sends it once it answers', async () => {
    const { page, visitId } = await openVisit();
    page.on('dialog', (dialog) => void dialog.accept());
    const server = await cutTheServerOff(page);
    await page.getByLabel('Complaint').fill('headache for 3 days, typed while offline');
    await status(page, 'Not saved — offline').waitFor();
    await expect(keptOnDevice(page)).resolves.toEqual([expect.stringContaining('typed while offline')]);

    // Reloaded while the server is still away: nothing can be shown, and the edits stay on the device.
    await page.reload();
    await expect(keptOnDevice(page)).resolves.toEqual([expect.stringContaining('typed while offline')]);
    await expect(stored(visitId)).resolves.toMatchObject({ complaint: 'headache for 3 days' });

    // The server answers again: the reload shows the kept text and sends it.
    await server.restore();
    await page.reload();
    await page.getByRole('heading', { name: 'Visit', exact: true }).waitFor();
    await expect(page.getByLabel('Complaint').inputValue()).resolves.toBe('headache for 3 days, typed while offline');
    await status(page, 'Saved').waitFor();
    await expect(stored(visitId)).resolves.toMatchObject({ complaint: 'headache for 3 days, typed while offline' });
    await expect(keptOnDevice(page)).resolves.toEqual([]);

    // The browser itself offline, without a reload: sent by itself once it is back online.
    await page.context().setOffline(true);
    await page.getByLabel('Nabz (pulse) notes').fill('Nabz saghir, typed while offline');
    await status(page, 'Not saved — offline').waitFor();
    await page.context().setOffline(false);
    await status(page, 'Saved').waitFor();
    await expect(stored(visitId)).resolves.toMatchObject({ nabzNotes: 'Nabz saghir, typed while offline' });
    await expect(keptOnDevice(page)).resolves.toEqual([]);
    await page.close();
  }, 90_000);

  it('saves the treatment plan as it is edited, and keeps plan edits made offline until they are sent', async () => {
    const { page, visitId, send } = await openVisit();
    await send('POST', `/api/v1/encounters/${visitId}/diagnosis`, { diseaseCode: 'shaqeeqa' });
    await page.reload();
    const plan = page.getByRole('region', { name: 'Treatment plan' });
    const planStatus = (text: string) => status(plan, text);
    const savedPlan = () =>
      ctx.product.db.treatmentPlan.findUnique({
        where: { encounterId: visitId },
        select: { followUp: true, items: { select: { dose: true } } },
      });
    // The protocol as it came is not saved by itself; edited, it is.
    await plan.getByLabel('Follow-up').waitFor();
    await expect(savedPlan()).resolves.toBeNull();
    await plan.getByLabel('Follow-up').fill('After ten days');
    await planStatus('Saved').waitFor();
    await expect(savedPlan()).resolves.toMatchObject({ followUp: 'After ten days' });

    page.on('dialog', (dialog) => void dialog.accept());
    const server = await cutTheServerOff(page);
    await plan.getByLabel('Amount of Itrifal Ustukhuddus').fill('7');
    await planStatus('Not saved — offline').waitFor();
    await page.reload();
    await server.restore();
    await page.reload();
    await expect(plan.getByLabel('Amount of Itrifal Ustukhuddus').inputValue()).resolves.toBe('7');
    await planStatus('Saved').waitFor();
    await expect(savedPlan()).resolves.toMatchObject({ items: expect.arrayContaining([{ dose: '7 g at bedtime' }]) });
    await expect(keptOnDevice(page)).resolves.toEqual([]);
    await page.close();
  }, 90_000);

  it('says the same in Urdu: محفوظ ہو رہا ہے…، محفوظ ہے، محفوظ نہیں ہوا — رابطہ منقطع', async () => {
    const { page, visitId } = await openVisit({ language: 'ur' });
    const nabz = page.getByLabel('نبض کی کیفیت');
    const saves = await holdSaves(page, visitId);
    await nabz.fill('نبض سریع');
    await status(page, 'محفوظ ہو رہا ہے…').waitFor();
    await saves.release();
    await status(page, 'محفوظ ہے').waitFor();

    const server = await cutTheServerOff(page);
    await nabz.fill('نبض سریع، متواتر');
    await status(page, 'محفوظ نہیں ہوا — رابطہ منقطع').waitFor();
    await server.restore();
    await status(page, 'محفوظ ہے').waitFor();
    await expect(stored(visitId)).resolves.toMatchObject({ nabzNotes: 'نبض سریع، متواتر' });
    await page.close();
  }, 90_000);

  it('says a closed visit is closed and stops saving it, instead of retrying', async () => {
    const { page, visitId, send } = await openVisit();
    await send('PATCH', `/api/v1/encounters/${visitId}`, { status: 'closed' });
    const saves: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') saves.push(r.url());
    });
    await page.getByLabel('Nabz (pulse) notes').fill('Nabz saree');
    await status(page, 'This visit is closed: changes are no longer saved').waitFor();
    await page.getByLabel('Nabz (pulse) notes').fill('Nabz saree, azeem');
    await page.waitForTimeout(2_000);
    expect(saves).toHaveLength(1);
    await expect(keptOnDevice(page)).resolves.toEqual([]);
    // Nothing more can be saved, so leaving does not ask.
    await page.getByRole('link', { name: '← Saima Autosave' }).click();
    await page.getByRole('heading', { name: 'Saima Autosave' }).waitFor();
    await page.close();
  }, 90_000);
  it('closes the visit from the screen: asks first, saves what was typed, then shows it read-only', async () => {
    const { page, pageErrors, visitId } = await openVisit();
    await page.getByLabel('Nabz (pulse) notes').fill('Nabz saree');
    await page.getByRole('button', { name: 'Close visit' }).click();
    await page.getByText('Close this visit? It can still be read').waitFor();
    await page.getByRole('button', { name: 'Keep it open' }).click();
    await page.getByRole('button', { name: 'Close visit' }).click();
    await page.getByRole('button', { name: 'Close the visit' }).click();
    const notice = 'This visit is closed: it can be read and its note shared, but no longer changed.';
    await status(page, notice).waitFor();
    expect(await page.getByRole('button', { name: 'Analyse' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Nabz (pulse) notes').isDisabled()).toBe(true);
    const row = await ctx.product.db.encounter.findUniqueOrThrow({
      where: { id: visitId },
      select: { status: true, nabzNotes: true },
    });
    expect(row).toEqual({ status: 'closed', nabzNotes: 'Nabz saree' });
    await page.reload();
    await status(page, notice).waitFor();
    expect(await page.getByLabel('Nabz (pulse) notes').inputValue()).toBe('Nabz saree');
    expect(await page.getByLabel('Nabz (pulse) notes').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close visit' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
  it('keeps vital signs typed at the visit, in °F on screen and °C in the record, and names an impossible one', async () => {
    const { page, pageErrors, visitId } = await openVisit();
    await page.getByLabel('Temperature', { exact: true }).fill('102');
    await page.getByLabel('Blood pressure, upper (mmHg)').fill('190');
    await page.getByLabel('Blood pressure, lower (mmHg)').fill('120');
    await page.getByLabel('Pulse (per minute)').fill('1200');
    await page.getByText('Not a possible value: not saved').waitFor();
    await status(page, 'Saved').waitFor();
    const row = await ctx.product.db.encounter.findUniqueOrThrow({ where: { id: visitId }, select: { vitals: true } });
    expect(row.vitals).toEqual({ temperatureC: 38.9, systolic: 190, diastolic: 120 });
    await page.reload();
    await page.getByRole('heading', { name: 'Visit', exact: true }).waitFor();
    expect(await page.getByLabel('Temperature', { exact: true }).inputValue()).toBe('102');
    expect(await page.getByLabel('Blood pressure, upper (mmHg)').inputValue()).toBe('190');
    expect(await page.getByLabel('Pulse (per minute)').inputValue()).toBe('');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
  it('raises the triage and a red flag from vital signs as they are typed, before Analyse and through a diagnosis', async () => {
    const { page, pageErrors } = await openVisit();
    // A stiff neck is recorded; a temperature of 102 °F turns into fever, and fever with a stiff neck is an
    // emergency, without pressing "Analyse".
    await page.getByLabel('Add finding').fill('stiff neck');
    await page.getByRole('button', { name: 'Add neck stiffness as present' }).click();
    const triage = page.getByRole('alert').filter({ hasText: 'Triage: Emergency' });
    await status(page, 'Saved').waitFor();
    await expect(triage.count()).resolves.toBe(0);
    await page.getByLabel('Temperature', { exact: true }).fill('102');
    await triage.waitFor();
    const flag = page.getByRole('alert').filter({ hasText: 'Red flag' });
    await expect(flag.textContent()).resolves.toMatch(/Fever with a stiff neck/);
    await expect(page.getByRole('heading', { name: 'Differential diagnosis' }).count()).resolves.toBe(0);
    // Confirming a diagnosis without an analysis keeps the warning in view above the plan.
    await page.getByLabel('Confirm another diagnosis').fill('Shaqeeqa');
    await page.getByRole('button', { name: 'Confirm Shaqeeqa (Migraine)' }).click();
    await page.getByRole('heading', { name: 'Treatment plan' }).waitFor();
    await expect(triage.isVisible()).resolves.toBe(true);
    // A normal temperature clears it once saved.
    await page.getByLabel('Temperature', { exact: true }).fill('98.6');
    await expect.poll(() => triage.count(), { timeout: 10_000 }).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
