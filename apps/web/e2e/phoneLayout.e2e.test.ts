// Every page on a 320 px phone, in English and in Urdu: nothing wider than the screen, axe-core clean,
// no console errors, English never marked as Urdu; and the built files served compressed and cached.
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, enableTestTotp, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';
import { axeViolations, latinUnderUrdu, nastaliqLoaded, openAllDetails, overflowingElements } from './pageAudit.ts';
import { createPlannedVisit, sendWith, shareNote } from './sharedVisit.ts';

const NARROW = { width: 320, height: 640 };
/** A share link's path and query, as a patient's browser asks for it. */
const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;
type Role = 'practitioner' | 'researcher' | 'admin';
type Audited = { path: string; as?: Role; urdu?: boolean; ready?: string; expectedError?: RegExp };

describe.runIf(browserAvailable())('every page on a 320 px phone', () => {
  const ctx = productInBrowser();
  const signedIn = new Map<Role, Awaited<ReturnType<BrowserContext['storageState']>>>();
  const ids = { patient: '', visit: '', noteEn: '', noteUr: '' };

  beforeAll(async () => {
    for (const role of ['practitioner', 'researcher', 'admin'] as const) {
      const user = await createTestUser(ctx.product.db, role, `Audit ${role}`);
      const secret = role === 'admin' ? await enableTestTotp(ctx.product.db, user.id) : undefined;
      const context = await ctx.browser.newContext();
      const page = await context.newPage();
      await ctx.signIn(page, user.email, TEST_PASSWORD, secret);
      if (role === 'practitioner') await prepareVisit(page);
      signedIn.set(role, await context.storageState());
      await context.close();
    }
  }, 120_000);

  /** A visit with an analysis, a confirmed diagnosis, a plan and notes in both languages. */
  async function prepareVisit(page: Page) {
    const session = (await (await page.request.get(`${ctx.product.url}/api/v1/auth/session`)).json()) as {
      csrfToken: string;
    };
    const send = sendWith(page.request, ctx.product.url, session.csrfToken);
    const visit = await createPlannedVisit(send, {
      patient: { name: 'Sana Iqbal', age: 34, sex: 'female' },
      complaint: 'throbbing headache on one side with nausea, light hurts the eyes, for 2 days; no fever',
      analyse: true,
    });
    // A Mizaj assessed by the questionnaire, so the patient page shows it and its history.
    await send(`/api/v1/patients/${visit.patientId}/mizaj-assessments`, {
      answers: {
        build: 'lean',
        complexion: 'yellowish',
        'touch-warmth': 'warm',
        sleep: 'little',
        weather: 'hot',
        mind: 'quick-tempered',
      },
    });
    const en = await shareNote(send, visit.visitId, 'en');
    const ur = await shareNote(send, visit.visitId, 'ur');
    Object.assign(ids, {
      patient: visit.patientId,
      visit: visit.visitId,
      noteEn: pathOf(en.url),
      noteUr: pathOf(ur.url),
    });
  }

  async function open(target: Audited): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const storageState = target.as ? signedIn.get(target.as) : undefined;
    const context = await ctx.browser.newContext({ viewport: NARROW, storageState });
    if (target.urdu) await context.addInitScript(() => localStorage.setItem('unani-cdss.language', 'ur'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ctx.product.url}${target.path}`);
    await page
      .locator(target.ready ?? 'h1')
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    return { page, errors, close: () => context.close() };
  }

  const pages = (): Audited[] => [
    { path: '/sign-in' },
    { path: '/sign-in', urdu: true },
    { path: '/patients', as: 'practitioner' },
    { path: '/patients/new', as: 'practitioner' },
    { path: `/patients/${ids.patient}`, as: 'practitioner' },
    { path: `/patients/${ids.patient}`, as: 'practitioner', urdu: true },
    { path: `/patients/${ids.patient}/mizaj`, as: 'practitioner', ready: 'fieldset' },
    { path: `/patients/${ids.patient}/mizaj`, as: 'practitioner', urdu: true, ready: 'fieldset' },
    { path: `/visits/${ids.visit}`, as: 'practitioner', ready: 'ol[aria-label="Differential diagnosis"]' },
    { path: `/visits/${ids.visit}`, as: 'practitioner', urdu: true, ready: 'ol.differential' },
    { path: '/knowledge', as: 'practitioner' },
    { path: '/knowledge/diseases/shaqeeqa', as: 'practitioner' },
    { path: '/knowledge/symptoms/headache', as: 'practitioner' },
    { path: '/knowledge/formulations/itrifal-ustukhuddus', as: 'practitioner' },
    { path: '/research', as: 'researcher' },
    { path: '/admin', as: 'admin' },
    { path: '/account', as: 'researcher' },
    { path: '/no-such-page', as: 'practitioner' },
    { path: ids.noteEn },
    { path: ids.noteUr, urdu: false },
    // The note API rightly answers 404 for an unknown link; the browser logs that, and only that.
    { path: '/n/this-link-does-not-exist-0000000000000000000', expectedError: /status of 404/ },
  ];

  // One visit of each page for both checks: a page takes seconds to open with its data.
  it('fits in 320 px with every disclosure open, passes axe-core (WCAG 2.2 AA, best practices), logs no error', async () => {
    const problems: string[] = [];
    for (const target of pages()) {
      const where = `${target.path}${target.urdu ? ' (ur)' : ''}`;
      const { page, errors, close } = await open(target);
      await openAllDetails(page);
      const { scrollWidth, culprits } = await overflowingElements(page);
      if (scrollWidth > NARROW.width) problems.push(`${where}: ${scrollWidth} px wide — ${culprits.join(', ')}`);
      for (const v of await axeViolations(page))
        problems.push(`${where}: ${v.id} (${v.impact}) ${v.nodes.join(' | ')}`);
      for (const e of errors.filter((text) => !target.expectedError?.test(text)))
        problems.push(`${where}: console: ${e}`);
      await close();
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('marks every English piece of an Urdu page as English', async () => {
    const problems: string[] = [];
    const urduPages: Audited[] = [
      { path: `/visits/${ids.visit}`, as: 'practitioner', urdu: true, ready: 'ol.differential' },
      { path: `/patients/${ids.patient}`, as: 'practitioner', urdu: true },
      { path: `/patients/${ids.patient}/mizaj`, as: 'practitioner', urdu: true, ready: 'fieldset' },
      { path: ids.noteUr },
      { path: '/sign-in', urdu: true },
    ];
    for (const target of urduPages) {
      const { page, close } = await open(target);
      await openAllDetails(page);
      for (const text of await latinUnderUrdu(page)) problems.push(`${target.path}: "${text}"`);
      await close();
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('paints an Urdu note before asking for the Nastaliq font, then swaps it in', async () => {
    const page = await ctx.browser.newPage();
    // When the note's heading first stands in the document, by the page's own clock.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('main.note h1')) {
          (window as unknown as { noteShown: number }).noteShown = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${ctx.product.url}${ids.noteUr}`);
    await nastaliqLoaded(page);
    const timing = await page.evaluate(() => ({
      shown: (window as unknown as { noteShown?: number }).noteShown,
      fonts: performance
        .getEntriesByType('resource')
        .filter((e) => /noto-nastaliq-urdu.*\.woff2$/.test(e.name))
        .map((e) => e.startTime),
    }));
    expect(timing.fonts).toHaveLength(1);
    expect(timing.shown).toBeDefined();
    // The font was asked for once the note stood on the page, not with the page.
    expect(timing.fonts[0]).toBeGreaterThan(timing.shown as number);
    await page.close();
    // An English note and the sign-in page never download it.
    const english = await ctx.browser.newPage();
    let englishFont = false;
    english.on('request', (r) => {
      if (r.url().includes('noto-nastaliq-urdu')) englishFont = true;
    });
    await english.goto(`${ctx.product.url}${ids.noteEn}`);
    await english.getByRole('heading', { level: 1 }).waitFor();
    await english.waitForTimeout(500);
    expect(englishFont).toBe(false);
    await english.close();
  });

  it('serves the built files compressed, hashed assets cached for a year and the page revalidated', async () => {
    const index = await fetch(`${ctx.product.url}/sign-in`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    for (const encoding of ['br', 'gzip']) {
      const asset = await fetch(`${ctx.product.url}${script}`, { headers: { 'accept-encoding': encoding } });
      expect(asset.headers.get('content-encoding')).toBe(encoding);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await asset.text()).length).toBeGreaterThan(10_000);
    }
  });
});
