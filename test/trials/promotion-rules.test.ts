import { describe, expect, it } from 'vitest';
import { appForSuite, seededTrial } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { parseHtml, tableRows } from './html.js';

// Accuracy per seed of the first baseline; every later trial moves each seed by the same amount (paired).
const BASE = [0.8, 0.81, 0.79, 0.8, 0.82];
const shifted = (by: number) => BASE.map((v) => v + by);

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`promotions follow the project's rules on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);
    let projectId = '';

    /** A trial with these params, its seeds run and finished. */
    const trialWith = (params: Record<string, string>, values: number[], parent?: null) =>
      seededTrial(ok, projectId, { params, values, ...(parent === null ? { parent } : {}) });

    const promote = (trialId: string, extra: object = {}) =>
      call('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: trialId, ...extra });
    const baselineId = async () =>
      (await ok('GET', `/api/v1/projects/${projectId}/baseline`)).baseline.trial.id;

    const params = { model: 'majority', lr: '0.1', depth: '3' };
    const ids: Record<string, string> = {};

    it('promotes a first baseline without a verdict', async () => {
      const { project } = await ok('POST', '/api/v1/projects', {
        name: 'gate',
        primary_metric: 'acc',
        direction: 'maximize',
      });
      projectId = project.id;
      await ok('PATCH', `/api/v1/projects/${projectId}/settings`, { min_effect: 0.005 });
      ids.first = (await trialWith({ model: 'majority' }, BASE, null)).id;
      expect((await promote(ids.first!)).json.promotion).toMatchObject({ evaluation: null, forced: false });
    });

    it('refuses an improvement made of several changes nobody accepted, until they are accepted', async () => {
      const several = await trialWith(params, shifted(0.05));
      ids.several = several.id;
      expect(several.evaluation.outcome).toBe('improved');
      const refused = await promote(several.id);
      expect(refused.status).toBe(400);
      expect(refused.json.message).toMatch(/^Promotion refused: it changes 2 things at once \(depth, lr\)/);
      expect(refused.json.message).toMatch(/Accept its changes with a reason.*or force it with a reason\.$/);
      expect(await baselineId()).toBe(ids.first);
      await ok('POST', `/api/v1/trials/${several.id}/accept-changes`, {
        reason: 'depth needs the other rate',
      });
      expect((await promote(several.id)).json.promotion).toMatchObject({
        forced: false,
        trial_id: several.id,
      });
    });

    it("refuses an improvement below the project's minimum effect unless forced, and records why", async () => {
      const tiny = await trialWith({ ...params, C: '1' }, shifted(0.051));
      ids.tiny = tiny.id;
      expect(tiny.evaluation.outcome).toBe('improved');
      const refused = await promote(tiny.id);
      expect(refused.status).toBe(400);
      expect(refused.json.message).toMatch(
        /^Promotion refused: its improvement \(\+0\.001\) is smaller than the project's minimum effect \(0\.005\)\. Keep the current baseline, or force it with a reason\.$/,
      );
      expect(await baselineId()).toBe(ids.several);
      const { promotion } = await ok('POST', `/api/v1/projects/${projectId}/baseline`, {
        trial_id: tiny.id,
        force: true,
        reason: 'cheaper to serve',
      });
      expect(promotion).toMatchObject({
        forced: true,
        reason: 'cheaper to serve',
        evaluation: { outcome: 'improved' },
      });
    });

    it('shows the forced promotion and its reason in the notebook of the Markdown and HTML reports', async () => {
      const md = (await call('GET', `/api/v1/projects/${projectId}/report?format=md`)).json as string;
      const notebookRow = md.split('\n').find((line) => line.startsWith('| #3'));
      expect(notebookRow).toContain('forced: cheaper to serve');
      const html = (await call('GET', `/api/v1/projects/${projectId}/report?format=html`)).json as string;
      const row = tableRows(parseHtml(html)).find((cells) => cells[0]?.startsWith('#3'));
      expect(row?.join(' | ')).toContain('forced: cheaper to serve');
    });

    it('auto-promotes by the same rules, never forcing', async () => {
      await ok('PATCH', `/api/v1/projects/${projectId}/settings`, { auto_promote: true });
      const tiny = await trialWith({ ...params, C: '2' }, shifted(0.052));
      expect(tiny.evaluation.outcome).toBe('improved');
      expect(await baselineId()).toBe(ids.tiny);
      const several = await trialWith({ ...params, C: '1', lr: '0.2', depth: '4' }, shifted(0.1));
      expect(several).toMatchObject({ flags: ['multiple_changes'], evaluation: { outcome: 'improved' } });
      expect(await baselineId()).toBe(ids.tiny);
      await ok('POST', `/api/v1/trials/${several.id}/accept-changes`, { reason: 'one idea, three knobs' });
      await ok('POST', `/api/v1/trials/${several.id}/refresh`);
      expect(await baselineId()).toBe(several.id);
      const { promotions } = await ok('GET', `/api/v1/projects/${projectId}/baseline/history`);
      expect(promotions[0]).toMatchObject({ trial_id: several.id, automatic: true, forced: false });
      expect(promotions.filter((p: { automatic: boolean }) => p.automatic)).toHaveLength(1);
    });
  });
}
