import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { showsNumber, textOf } from '../support/ui-pages.js';
import { XSS_PAYLOAD } from '../support/ui-seed-plan.js';

describeInBrowser('projects page', (ui) => {
  it('lists every project with its baseline, names shown as text', async () => {
    const page = await ui.open('/');
    const rows = page.getByTestId('project-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(ui.seed.projects.length);
    const lab = rows.filter({ hasText: ui.seed.project });
    await expect.poll(async () => showsNumber(await textOf(lab), ui.seed.baseline.mean)).toBe(true);
    // The payload project's name is shown literally, not parsed into an <img>.
    expect(await rows.filter({ hasText: XSS_PAYLOAD }).count()).toBe(1);
  });

  it('links a project to its dashboard', async () => {
    const page = await ui.open('/');
    await page
      .getByTestId('project-row')
      .filter({ hasText: ui.seed.project })
      .getByRole('link')
      .first()
      .click();
    await page.getByTestId('baseline-card').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/projects/${ui.seed.project}`);
  });

  it('shows the live indicator only where a project streams its changes', async () => {
    const page = await ui.open('/');
    await page.getByTestId('project-row').first().waitFor();
    expect(await page.getByTestId('live-indicator').count()).toBe(0);
    await page
      .getByTestId('project-row')
      .filter({ hasText: ui.seed.project })
      .getByRole('link')
      .first()
      .click();
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  });
});
