import { predictBody, predictParams, predictResult } from '../model-serving.js';
import { json, route } from '../route.js';

/** Built-in serving of registered `js` models. */
export const modelServingRoutes = {
  predict: route({
    method: 'POST',
    path: '/api/v1/models/{name}/{ref}/predict',
    summary:
      "Answer a batch of inputs with a version's `js` model (`ref`: alias or version) and log every answer; " +
      '400 names an input field the signature refuses, 413 over the batch limit, 500 when the model fails',
    tag: 'Predictions',
    params: predictParams,
    body: predictBody,
    response: json(predictResult),
  }),
} as const;
