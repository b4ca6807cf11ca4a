import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { Ratchet } from '../../src/sdk/index.js';
import { describeInBrowser } from '../support/browser.js';
import { tainted } from '../support/ui-seed-plan.js';

const MODEL = 'penguin-classifier';
const MLFLOW = '/api/2.0/mlflow';
/** 30 predictions of v1 (production): 20 labelled, 15 of them wrong; the newest 10 unlabelled. */
const LOGGED = 30;
const UNLABELLED = 10;
const predictionId = (n: number) => `p-${String(n).padStart(2, '0')}`;
const PATH = `/models/${MODEL}/predictions`;

describeInBrowser('predictions page', (ui) => {
  let ratchet: Ratchet;

  beforeAll(async () => {
    ratchet = new Ratchet({ uri: ui.url });
    // v1 comes from a seed of the promoted trial (accuracy ≈ 0.75 offline, a tight interval).
    const source = ui.seed.runs.find(
      (r) => r.trial === ui.seed.trials.better.number && r.status === 'FINISHED',
    );
    await mlflow('registered-models/create', { name: MODEL });
    await mlflow('model-versions/create', { name: MODEL, source: 'mlflow-artifacts:/m', run_id: source!.id });
    await mlflow('registered-models/alias', { name: MODEL, alias: 'production', version: '1' });
    const start = Date.UTC(2026, 0, 1);
    await ratchet.predictions.log(
      Array.from({ length: LOGGED }, (_, n) => ({
        id: predictionId(n),
        model: `${MODEL}@production`,
        input: { bill: 40 + n, island: tainted('Biscoe') },
        output: n % 2 === 0 ? 'Adelie' : 'Gentoo',
        score: n / LOGGED,
        time: start + n * 60_000,
      })),
    );
    // The oldest 20 are labelled, only 5 of them right: live accuracy far below the offline interval.
    await ratchet.predictions.feedbackMany(
      Array.from({ length: LOGGED - UNLABELLED }, (_, n) => ({
        id: predictionId(n),
        label: n < 5 ? (n % 2 === 0 ? 'Adelie' : 'Gentoo') : 'Chinstrap',
      })),
    );
  }, 60_000);

  async function mlflow(path: string, body: unknown) {
    const response = await fetch(`${ui.url}${MLFLOW}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }

  const rows = (page: Page) => page.getByTestId('prediction-row');
  const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));

  it('lists the predictions newest first, user JSON shown as text', async () => {
    const page = await ui.open(PATH);
    await expect.poll(() => rows(page).count()).toBe(LOGGED);
    const ids = await rowIds(page);
    expect(ids[0]).toBe(predictionId(LOGGED - 1));
    expect(ids.at(-1)).toBe(predictionId(0));
    expect(await rows(page).first().textContent()).toContain('<img src=x onerror=');
  });

  it('narrows the list with filters kept in the URL', async () => {
    const page = await ui.open(PATH);
    await expect.poll(() => rows(page).count()).toBe(LOGGED);
    await page.getByLabel('Label').selectOption('unlabelled');
    await expect.poll(() => new URL(page.url()).searchParams.get('label')).toBe('unlabelled');
    await expect.poll(() => rows(page).count()).toBe(UNLABELLED);
    await page.getByLabel('Min score').fill('0.9');
    await page.getByLabel('Min score').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('min')).toBe('0.9');
    // Scores n/30 ≥ 0.9: n = 27, 28, 29.
    await expect.poll(() => rowIds(page)).toEqual([predictionId(29), predictionId(28), predictionId(27)]);

    const wrong = await ui.open(`${PATH}?label=wrong&version=production`);
    await expect.poll(() => rows(wrong).count()).toBe(15);
    expect(await wrong.getByLabel('Version').inputValue()).toBe('production');
  });

  it('stores the right label typed into "mark wrong", and offers to replace one given meanwhile', async () => {
    // The 409 is provoked on purpose: the form offers to replace.
    const page = await ui.open(`${PATH}?label=unlabelled`, { allowedConsoleErrors: [/409 \(Conflict\)/] });
    const row = page.locator(`[data-testid="prediction-row"][data-id="${predictionId(25)}"]`);
    await row.getByRole('button', { name: 'Mark wrong' }).click();
    const form = page.getByTestId('feedback-form');
    await form.getByLabel('Right label').fill('Chinstrap');
    await form.getByLabel('Comment').fill(tainted('bill too long'));
    await form.getByRole('button', { name: 'Save label' }).click();
    await expect
      .poll(async () => (await ratchet.predictions.get(predictionId(25))).feedback)
      .toMatchObject({ label: 'Chinstrap', comment: tainted('bill too long') });
    // Labelled, so it leaves the unlabelled list.
    await expect.poll(() => rows(page).count()).toBe(UNLABELLED - 1);

    const other = page.locator(`[data-testid="prediction-row"][data-id="${predictionId(26)}"]`);
    await other.getByRole('button', { name: 'Mark wrong' }).click();
    await ratchet.predictions.feedback(predictionId(26), 'Adelie');
    await form.getByLabel('Right label').fill('Gentoo');
    await form.getByRole('button', { name: 'Save label' }).click();
    await form.getByText('already has a label').waitFor();
    await form.getByRole('button', { name: 'Replace it' }).click();
    await expect
      .poll(async () => (await ratchet.predictions.get(predictionId(26))).feedback?.label)
      .toBe('Gentoo');
  });

  it('refuses an empty label before sending it', async () => {
    const page = await ui.open(`${PATH}?label=unlabelled`);
    await rows(page).first().getByRole('button', { name: 'Mark wrong' }).click();
    const form = page.getByTestId('feedback-form');
    await form.getByRole('button', { name: 'Save label' }).click();
    await form.getByText('Enter the right label.').waitFor();
  });

  it('shows live quality against the offline estimate, with a banner when below it', async () => {
    const page = await ui.open(PATH);
    const banner = page.getByTestId('quality-alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('v1 (production)');
    const quality = await ratchet.predictions.quality(MODEL);
    expect(quality.versions[0]!.alert).toBe(true);
    expect(await page.getByTestId('quality-row').first().textContent()).toMatch(/acc/);
  });

  it("reaches a model's predictions from the models page in the top bar", async () => {
    const page = await ui.open('/');
    await page.getByRole('link', { name: 'Models' }).click();
    const row = page.getByTestId('model-row').filter({ hasText: MODEL });
    await row.getByRole('link', { name: 'Predictions' }).click();
    await rows(page).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(PATH);
  });
});
