// The second factor in a real browser: setting it up from the account page with a code computed from the key
// the page shows, signing in with it, an admin held to setting one up, and changing one's password.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../api/src/auth/totp.ts';
import { createTestUser, enableTestTotp, TEST_PASSWORD } from '../../api/test/factories.ts';
import { browserAvailable } from './browser.ts';
import { productInBrowser } from './inBrowser.ts';

describe.runIf(browserAvailable())('the second factor and the password, in a real browser', () => {
  const ctx = productInBrowser();

  /** From now on the server's answers to "who is signed in" reach the page 20 s late, as from a busy server. */
  async function answerSessionSlowly(page: Page): Promise<void> {
    await page.route('**/api/v1/auth/session', async (route) => {
      await new Promise((done) => setTimeout(done, 20_000));
      await route.continue().catch(() => undefined);
    });
  }

  /** Sets up the factor from the account page; returns the key the page showed. */
  async function setUpSecondFactor(page: Page): Promise<string> {
    await page.getByRole('button', { name: 'Set up a second factor' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByRole('img', { name: 'QR code of the authenticator key' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('list', { name: 'Recovery codes' }).waitFor();
    await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await page.getByText(/^On: signing in asks for a code/).waitFor();
    return secret;
  }

  it('is set up from the account page, then signing in asks for the code', async () => {
    const user = await createTestUser(ctx.product.db, 'practitioner', 'Hakim Two Factors');
    const page = await ctx.browser.newPage();
    await ctx.signIn(page, user.email);
    await page.getByRole('link', { name: /^Account/ }).click();
    const secret = await setUpSecondFactor(page);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/6-digit code/);
    // The code of the step confirmed at set-up is used up; an app shows the next one half a minute later.
    await page.getByLabel('Authentication code').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the sign-out left off.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
  });

  it('sends an admin without one to set it up before anything else', async () => {
    const admin = await createTestUser(ctx.product.db, 'admin', 'Admin Without Factor');
    const page = await ctx.browser.newPage();
    await ctx.signIn(page, admin.email);
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/Admin accounts need a second factor/);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    // Who is signed in is asked again after the set-up; on a busy server that answer is slow, and the click on Admin
    // right after must not be sent back to the account page meanwhile.
    await answerSessionSlowly(page);
    await setUpSecondFactor(page);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor({ timeout: 15_000 });
  });

  it('changes the password with the current one, and the new one signs in', async () => {
    const user = await createTestUser(ctx.product.db, 'researcher', 'Researcher Password');
    const page = await ctx.browser.newPage();
    await ctx.signIn(page, user.email);
    await page.getByRole('link', { name: /^Account/ }).click();
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill(TEST_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill('password1234');
    await form.getByLabel('New password again').fill('password1234');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/most common/);
    await form.getByLabel('New password', { exact: true }).fill('copper kettle orchard 9');
    await form.getByLabel('New password again').fill('copper kettle orchard 9');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('status').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await ctx.signIn(page, user.email, 'copper kettle orchard 9');
  });

  it('lets an admin whose password was generated go on as soon as it is changed', async () => {
    const admin = await createTestUser(ctx.product.db, 'admin', 'Admin With Generated Password');
    const secret = await enableTestTotp(ctx.product.db, admin.id);
    await ctx.product.db.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
    const page = await ctx.browser.newPage();
    await ctx.signIn(page, admin.email, TEST_PASSWORD, secret);
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/generated at first start/);
    // As after a second factor is set up: a slow answer to "who is signed in" must not send the admin back.
    await answerSessionSlowly(page);
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill(TEST_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill('copper kettle orchard 10');
    await form.getByLabel('New password again').fill('copper kettle orchard 10');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('status').waitFor();
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor({ timeout: 15_000 });
  });
});
