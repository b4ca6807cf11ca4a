import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { Ratchet } from '../../src/sdk/index.js';
import { describeInBrowser } from '../support/browser.js';
import { tainted } from '../support/ui-seed-plan.js';
import { registerModel } from '../support/ui-seed-predictions.js';

const MODEL = 'penguin-classifier';
/**
 * 30 predictions of v1 (production), one every half hour from midnight: the oldest 20 (hours 0–9) labelled,
 * 15 of them wrong; the newest 10 unlabelled.
 */
const LOGGED = 30;
const UNLABELLED = 10;
const predictionId = (n: number) => `p-${String(n).padStart(2, '0')}`;
const PATH = `/models/${MODEL}/predictions`;
const ERRORS_PATH = `/models/${MODEL}/errors`;
const HALF_HOUR = 30 * 60_000;

describeInBrowser('predictions page', (ui) => {
  let ratchet: Ratchet;

  beforeAll(async () => {
    ratchet = new Ratchet({ uri: ui.url });
    // v1 comes from a seed of the promoted trial (accuracy ≈ 0.75 offline, a tight interval).
    const source = ui.seed.runs.find(
      (r) => r.trial === ui.seed.trials.better.number && r.status === 'FINISHED',
    );
    await registerModel(ui.url, MODEL, { runId: source!.id, alias: 'production' });
    const start = Date.UTC(2026, 0, 1);
    await ratchet.predictions.log(
      Array.from({ length: LOGGED }, (_, n) => ({
        id: predictionId(n),
        model: `${MODEL}@production`,
        input: { bill: 40 + n, island: tainted('Biscoe') },
        output: n % 2 === 0 ? 'Adelie' : 'Gentoo',
        score: n / LOGGED,
        time: start + n * HALF_HOUR,
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

  // Before any test below labels more: these count the seeded labels exactly.
  it('charts live accuracy per bucket against the offline band, the bucket size kept in the URL', async () => {
    const page = await ui.open(`${PATH}?bucket=hour`);
    const chart = page.locator('[data-testid="quality-chart"][data-version="1"]');
    const buckets = chart.getByTestId('quality-bucket');
    // Labels in hours 0–9, two an hour.
    await expect.poll(() => buckets.count()).toBe(10);
    expect(await chart.getAttribute('data-alert')).toBe('true');
    expect(await chart.locator('figcaption').textContent()).toBe(
      'v1 (production): below its offline interval',
    );
    expect(await chart.locator('.quality-offline').count()).toBe(1);
    // Hour 0 holds p-00 and p-01, both right; hour 2 p-04 (right) and p-05 (wrong).
    expect(await buckets.nth(0).locator('title').textContent()).toMatch(
      /^2026-01-01 00:00: 1, 95% CI .*2 of 2 labels right$/,
    );
    expect(await buckets.nth(2).locator('title').textContent()).toMatch(
      /^2026-01-01 02:00: 0\.5, .*1 of 2 labels right$/,
    );
    await chart.getByText('Few labels per hour (typically 2)').waitFor();

    await page.getByLabel('Bucket').selectOption('day');
    await expect.poll(() => buckets.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('bucket')).toBeNull();
    await chart.getByText('All its labels fall in one day').waitFor();
    // The list's filters and the bucket size share the URL without undoing each other.
    await page.getByLabel('Bucket').selectOption('week');
    await page.getByLabel('Label').selectOption('wrong');
    await expect.poll(() => new URL(page.url()).searchParams.get('label')).toBe('wrong');
    expect(new URL(page.url()).searchParams.get('bucket')).toBe('week');
    await expect.poll(() => rows(page).count()).toBe(15);
  });

  it('analyses errors: confusion counts, the surest mistakes first, the worst slice first', async () => {
    const page = await ui.open(PATH);
    await page.getByRole('link', { name: 'Error analysis' }).click();
    await page.getByTestId('confusion').waitFor();
    expect(new URL(page.url()).pathname).toBe(ERRORS_PATH);
    await page.getByLabel('Version').selectOption('1');
    await expect.poll(() => new URL(page.url()).searchParams.get('version')).toBe('1');

    // Rows are the labels, columns the outputs, classes in order: Adelie, Chinstrap, Gentoo.
    const matrix = () =>
      page
        .getByTestId('confusion-row')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.querySelector('th')?.textContent,
            ...Array.from(tr.querySelectorAll('[data-testid="confusion-cell"]'), (td) =>
              Number(td.textContent),
            ),
          ]),
        );
    await expect.poll(matrix).toEqual([
      ['Adelie', 3, 0, 0],
      ['Chinstrap', 7, 0, 8],
      ['Gentoo', 0, 0, 2],
    ]);
    expect(await page.locator('td.confusion-wrong').allTextContents()).toEqual(['7', '8']);

    // The 15 wrong ones are p-05…p-19, scored n/30: the surest first, ten of them.
    const wrong = page.getByTestId('confident-wrong').getByTestId('prediction-row');
    const ids = await wrong.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => predictionId(19 - i)));

    // bill 40–59 cut at its quartiles; island one (hostile) value, 5 of 20 right.
    const slices = await page
      .getByTestId('slice-row')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent).slice(0, 2)),
      );
    expect(slices).toEqual([
      ['bill', '[45, 50)'],
      ['bill', '[50, 55)'],
      ['bill', '[55, 59]'],
      ['island', tainted('Biscoe')],
      ['bill', '[40, 45)'],
    ]);
    expect(await page.getByTestId('slice-row').first().textContent()).toContain('0 of 5 labels right');

    // A mistake opens the label form in place.
    await wrong.first().getByRole('button', { name: 'Relabel' }).click();
    await page.getByTestId('feedback-form').getByLabel('Right label').waitFor();
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

  it('shows who moved which alias, on which trial or reason, as text', async () => {
    const { better } = ui.seed.trials;
    const reason = tainted('shadow traffic before the holidays');
    await ratchet.models.moveAlias(MODEL, 'candidate', 1, { reason });
    const trial = await ratchet.trials.detail(`${ui.seed.project}#${better.number}`);
    await ratchet.models.moveAlias(MODEL, 'production', 1, { trialId: trial.id });
    const page = await ui.open(`/models/${MODEL}/aliases`);
    const history = page.getByTestId('alias-history').locator('tbody tr');
    await expect.poll(() => history.count()).toBe(3);
    expect(await history.nth(1).textContent()).toContain('candidate');
    expect(await page.getByTestId('alias-reason').textContent()).toBe(reason);
    await history
      .first()
      .getByRole('link', { name: `${ui.seed.project}#${better.number}` })
      .click();
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe(`/projects/${encodeURIComponent(ui.seed.project)}/trials/${better.number}`);
  });
});
