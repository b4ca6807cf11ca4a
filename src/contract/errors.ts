import { z } from 'zod';

/** Every error of the API: MLflow's codes and statuses, and for invalid requests every bad field. */
export const errorBody = z.object({
  error_code: z.string(),
  message: z.string(),
  details: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        /** Where in the parameter's text the problem is (0-based), e.g. in a filter that does not parse. */
        position: z.int().min(0).optional(),
      }),
    )
    .optional(),
});
