import type { Context } from 'hono';
import { MlflowFields } from '../request.js';

/** A route handler: reads the request's MLflow fields and answers with the JSON message `answer` builds. */
export function mlflowHandler(answer: (fields: MlflowFields) => Promise<object>) {
  return async (c: Context) => c.json(await answer(await MlflowFields.from(c)));
}

/** MLflow answers writes that return nothing with an empty message. */
export async function emptyMessage(work: Promise<unknown>): Promise<object> {
  await work;
  return {};
}
