import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import type { NewPrediction } from '../../core/prediction.js';
import type { FeedbackInput } from '../../serving/predictions/types.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';
import { errorAnalysisJson, predictionJson, predictionSettingsJson, qualityJson } from './prediction-wire.js';

const routes = api.predictions;

/** A prediction batch may be large (10,000 items with their inputs): its body may be too. */
export const MAX_PREDICTION_BODY_BYTES = 32_000_000;

const BUCKET_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

/** The prediction log, feedback, live quality and error analysis, under /api/v1. */
export function predictionRoutes({ predictions }: Pick<Services, 'predictions'>): Hono {
  const app = new Hono();
  implement(
    app,
    routes.log,
    async ({ body }) => {
      // Parsing leaves absent optional fields out (never `undefined`), which is what NewPrediction means.
      const result = await predictions.log(body.predictions as NewPrediction[]);
      return {
        ids: result.ids,
        logged: result.logged,
        duplicates: result.duplicates,
        sampled_out: result.sampledOut,
      };
    },
    { maxBodyBytes: MAX_PREDICTION_BODY_BYTES },
  );
  implement(app, routes.list, async ({ query }) => {
    const found = await predictions.list({
      ...(query.model === undefined ? {} : { model: query.model }),
      ...(query.labelled === undefined ? {} : { labelled: query.labelled }),
      ...(query.wrong === undefined ? {} : { wrong: query.wrong }),
      ...(query.min_score === undefined ? {} : { minScore: query.min_score }),
      ...(query.max_score === undefined ? {} : { maxScore: query.max_score }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.offset === undefined ? {} : { offset: query.offset }),
    });
    return { predictions: found.predictions.map(predictionJson), total: found.total };
  });
  implement(
    app,
    routes.feedbackMany,
    async ({ body }) => ({
      outcomes: await predictions.feedbackMany(
        body.feedback.map(({ id, ...item }) => ({
          id,
          ...feedbackInput({ ...item, replace: item.replace ?? body.replace }),
        })),
      ),
    }),
    { maxBodyBytes: MAX_PREDICTION_BODY_BYTES },
  );
  implement(app, routes.get, async ({ params }) => ({
    prediction: predictionJson(await predictions.get(params.id)),
  }));
  implement(app, routes.feedback, async ({ params, body }) => ({
    prediction: predictionJson(await predictions.feedback(params.id, feedbackInput(body))),
  }));
  implement(app, routes.settings, async ({ params }) => ({
    settings: predictionSettingsJson(await predictions.settings(params.name)),
  }));
  implement(app, routes.updateSettings, async ({ params, body }) => ({
    settings: predictionSettingsJson(
      await predictions.updateSettings(params.name, {
        ...(body.sample_rate === undefined ? {} : { sampleRate: body.sample_rate }),
        ...(body.retention === undefined ? {} : { retention: body.retention }),
      }),
    ),
  }));
  implement(app, routes.quality, async ({ params, query }) => ({
    quality: qualityJson(
      await predictions.quality(params.name, query.bucket ? { bucketMs: BUCKET_MS[query.bucket] } : {}),
    ),
  }));
  implement(app, routes.errors, async ({ params, query }) => {
    const model = query.version === undefined ? params.name : `${params.name}/${query.version}`;
    return {
      errors: errorAnalysisJson(
        await predictions.errors(model, query.top === undefined ? {} : { top: query.top }),
      ),
    };
  });
  return app;
}

function feedbackInput(body: {
  label: FeedbackInput['label'];
  author?: string | undefined;
  comment?: string | undefined;
  replace?: boolean | undefined;
}): FeedbackInput {
  return {
    label: body.label,
    ...(body.author === undefined ? {} : { author: body.author }),
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    ...(body.replace === undefined ? {} : { replace: body.replace }),
  };
}
