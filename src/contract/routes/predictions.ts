import { z } from 'zod';
import {
  errorAnalysis,
  errorsQuery,
  feedbackOutcome,
  giveFeedback,
  giveFeedbackMany,
  logPredictions,
  logResult,
  modelNameParams,
  prediction,
  predictionIdParams,
  predictionQuery,
  predictionSettings,
  predictionSettingsChanges,
  qualityQuery,
  qualityReport,
} from '../prediction.js';
import { json, route } from '../route.js';

const tag = 'Predictions';
const predictionResponse = json(z.object({ prediction }));
const settingsResponse = json(z.object({ settings: predictionSettings }));

/** The prediction log from any serving stack, its feedback, live quality and error analysis. */
export const predictionRoutes = {
  log: route({
    method: 'POST',
    path: '/api/v1/predictions',
    summary:
      'Log a batch of predictions (`model` as `name@alias` or `name/version`); idempotent by id, all or nothing, 413 over the batch limit',
    tag,
    body: logPredictions,
    response: json(logResult),
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/predictions',
    summary: 'Predictions, newest first, filtered by model, label, wrongness and score',
    tag,
    query: predictionQuery,
    response: json(z.object({ predictions: z.array(prediction), total: z.int() })),
  }),
  feedbackMany: route({
    method: 'POST',
    path: '/api/v1/predictions/feedback',
    summary: 'The right labels for many predictions; each item takes or says why not',
    tag,
    body: giveFeedbackMany,
    response: json(z.object({ outcomes: z.array(feedbackOutcome) })),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/predictions/{id}',
    summary: 'A prediction with its feedback',
    tag,
    params: predictionIdParams,
    response: predictionResponse,
  }),
  feedback: route({
    method: 'POST',
    path: '/api/v1/predictions/{id}/feedback',
    summary: 'The right label for a prediction; 409 if it has one already, unless `replace`',
    tag,
    params: predictionIdParams,
    body: giveFeedback,
    response: predictionResponse,
  }),
  settings: route({
    method: 'GET',
    path: '/api/v1/models/{name}/prediction-settings',
    summary: "A model's prediction sample rate and retention bound",
    tag,
    params: modelNameParams,
    response: settingsResponse,
  }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/models/{name}/prediction-settings',
    summary: "Change a model's sample rate or retention bound (null: no bound)",
    tag,
    params: modelNameParams,
    body: predictionSettingsChanges,
    response: settingsResponse,
  }),
  quality: route({
    method: 'GET',
    path: '/api/v1/models/{name}/quality',
    summary:
      'Live accuracy per version over time with binomial CIs, against the offline evaluation; `alert` when below it',
    tag,
    params: modelNameParams,
    query: qualityQuery,
    response: json(z.object({ quality: qualityReport })),
  }),
  errors: route({
    method: 'GET',
    path: '/api/v1/models/{name}/errors',
    summary: 'Confusion matrix, the most confident wrong predictions and the worst input slices',
    tag,
    params: modelNameParams,
    query: errorsQuery,
    response: json(z.object({ errors: errorAnalysis })),
  }),
} as const;
