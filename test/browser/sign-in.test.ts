import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { ratchet } from '../support/processes.js';

/** A server whose store holds a token: the UI signs in with it and keeps an HttpOnly session cookie. */
describeInBrowser('signing in with an API token', (ui) => {
  it('shows the sign-in form, refuses a wrong token, signs in with a right one and out again', async () => {
    const created = ratchet(['token', 'create', 'browser', '--store', ui.store, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };

    // The wrong token's 401 is the point of the test, and the browser logs it.
    const page = await ui.open('/', { allowedConsoleErrors: [/401/] });
    const form = page.getByTestId('sign-in-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await page.getByText(ui.seed.project).count()).toBe(0);

    await form.getByLabel('API token').fill('rt_not-a-token');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/not valid/);

    await form.getByLabel('API token').fill(token);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText(ui.seed.project).first().isVisible()).toBe(true);

    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'ratchet_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value).not.toContain(token);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // A reload keeps the session; signing out brings the form back.
    await page.reload();
    await expect.poll(() => page.getByText(ui.seed.project).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByTestId('sign-in-form').isVisible()).toBe(true);
  });
});
