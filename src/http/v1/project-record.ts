import { Hono } from 'hono';
import type { Direction } from '../../core/project.js';
import { type ReportFormat, renderReport } from '../../tracking/trials/report/render.js';
import { reportDocument } from '../../tracking/trials/report/report-document.js';
import type { ProjectSettingsUpdate } from '../../tracking/trials/settings-service.js';
import { readJson } from '../body.js';
import { asObject, type Fields, optionalEnum, optionalInteger, requiredString } from '../input.js';
import { nullableNumber, nullableString, optionalBoolean, optionalNumber } from '../input-values.js';
import type { Services } from '../services.js';
import { noiseJson, promotionJson, settingsJson, statusJson, trialJson } from './trial-wire.js';

const BODY_LIMIT = 1_000_000;
const DIRECTIONS: readonly Direction[] = ['maximize', 'minimize'];
const FORMATS: readonly ReportFormat[] = ['md', 'html'];

/** A project's settings, baseline, noise, status and report, under /api/v1/projects/:id. */
export function projectRecordRoutes({ projectSettings, baselines, record }: Services) {
  return new Hono()
    .get('/projects/:id/settings', async (c) =>
      c.json({ settings: settingsJson(await projectSettings.get(c.req.param('id'))) }),
    )
    .patch('/projects/:id/settings', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const updated = await projectSettings.update(c.req.param('id'), settingsUpdate(body));
      return c.json({ settings: settingsJson(updated) });
    })
    .get('/projects/:id/baseline', async (c) => {
      const current = await baselines.current(c.req.param('id'));
      return c.json({
        baseline: current && { trial: trialJson(current.trial), promotion: promotionJson(current.promotion) },
      });
    })
    .post('/projects/:id/baseline', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const trialId = requiredString(body, 'trial_id');
      const trial = await baselines.trialOf(c.req.param('id'), trialId);
      const force = optionalBoolean(body, 'force');
      const reason = nullableString(body, 'reason') ?? undefined;
      const promotion = await baselines.promote(trial.id, {
        ...(force === undefined ? {} : { force }),
        ...(reason === undefined ? {} : { reason }),
      });
      return c.json({ promotion: promotionJson(promotion) });
    })
    .get('/projects/:id/baseline/history', async (c) => {
      const history = await baselines.history(c.req.param('id'));
      return c.json({ promotions: history.map(promotionJson) });
    })
    .get('/projects/:id/noise', async (c) =>
      c.json({ noise: noiseJson(await record.noise(c.req.param('id'))) }),
    )
    .get('/projects/:id/status', async (c) =>
      c.json({ status: statusJson(await record.status(c.req.param('id'))) }),
    )
    .get('/projects/:id/report', async (c) => {
      const format = optionalEnum({ format: c.req.query('format') }, 'format', FORMATS) ?? 'html';
      const text = renderReport(reportDocument(await record.report(c.req.param('id'))), format);
      return c.body(text, 200, {
        'content-type': format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
      });
    });
}

function settingsUpdate(body: Fields): ProjectSettingsUpdate {
  const update: ProjectSettingsUpdate = {};
  const set = <K extends keyof ProjectSettingsUpdate>(
    key: K,
    value: ProjectSettingsUpdate[K] | undefined,
  ) => {
    if (value !== undefined) update[key] = value;
  };
  set('primaryMetric', nullableString(body, 'primary_metric'));
  set('direction', body.direction === null ? null : optionalEnum(body, 'direction', DIRECTIONS));
  set('minEffect', nullableNumber(body, 'min_effect'));
  set('evalSetSizeMetric', nullableString(body, 'eval_set_size_metric'));
  set('deadline', body.deadline === null ? null : optionalInteger(body, 'deadline', { min: 0 }));
  set('trialBudget', body.trial_budget === null ? null : optionalInteger(body, 'trial_budget', { min: 1 }));
  set('computeHoursBudget', nullableNumber(body, 'compute_hours_budget'));
  set('stallAfterTrials', optionalInteger(body, 'stall_after_trials', { min: 1 }));
  set('stallAfterDays', optionalNumber(body, 'stall_after_days'));
  set('autoPromote', optionalBoolean(body, 'auto_promote'));
  return update;
}
