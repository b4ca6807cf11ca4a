import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import { settingsFromWire } from '../../contract/settings.js';
import { renderReport } from '../../tracking/trials/report/render.js';
import { reportDocument } from '../../tracking/trials/report/report-document.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';
import { noiseJson, progressJson, promotionJson, settingsJson, statusJson, trialJson } from './trial-wire.js';

const routes = api.record;
const MEDIA_TYPES = { html: 'text/html', md: 'text/markdown' } as const;

/** A project's settings, baseline, noise, status and report, under /api/v1/projects/:id. */
export function projectRecordRoutes({ projectSettings, baselines, record }: Services): Hono {
  const app = new Hono();
  implement(app, routes.settings, async ({ params }) => ({
    settings: settingsJson(await projectSettings.get(params.id)),
  }));
  implement(app, routes.updateSettings, async ({ params, body }) => ({
    settings: settingsJson(await projectSettings.update(params.id, settingsFromWire(body))),
  }));
  implement(app, routes.baseline, async ({ params }) => {
    const current = await baselines.current(params.id);
    return {
      baseline: current && { trial: trialJson(current.trial), promotion: promotionJson(current.promotion) },
    };
  });
  implement(app, routes.promote, async ({ params, body }) => {
    const trial = await baselines.trialOf(params.id, body.trial_id);
    const promotion = await baselines.promote(trial.id, {
      ...(body.force === undefined ? {} : { force: body.force }),
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    });
    return { promotion: promotionJson(promotion) };
  });
  implement(app, routes.baselineHistory, async ({ params }) => ({
    promotions: (await baselines.history(params.id)).map(promotionJson),
  }));
  implement(app, routes.noise, async ({ params }) => ({ noise: noiseJson(await record.noise(params.id)) }));
  implement(app, routes.status, async ({ params }) => ({
    status: statusJson(await record.status(params.id)),
  }));
  implement(app, routes.progress, async ({ params }) => progressJson(await record.progress(params.id)));
  implement(app, routes.report, async ({ params, query }) => {
    const format = query.format ?? 'html';
    const text = renderReport(reportDocument(await record.report(params.id)), format);
    return { mediaType: MEDIA_TYPES[format], text };
  });
  return app;
}
