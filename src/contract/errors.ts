import { z } from 'zod';

/** Every error of the API: MLflow's codes and statuses, and for invalid requests every bad field. */
export const errorBody = z.object({
  error_code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
