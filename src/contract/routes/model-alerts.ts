import { z } from 'zod';
import { modelAlert } from '../model-alert.js';
import { projectIdParams } from '../project.js';
import { json, route } from '../route.js';

export const modelAlertRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/model-alerts',
    summary:
      "Versions registered from this project's runs whose live accuracy lies below their offline interval (the quality report's `alert`)",
    tag: 'Predictions',
    params: projectIdParams,
    response: json(z.object({ alerts: z.array(modelAlert) })),
  }),
} as const;
