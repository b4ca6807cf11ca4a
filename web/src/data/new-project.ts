import type { CreateProjectOptions, Direction } from '../../../src/sdk/index.js';

/** The "new project" form as typed, and what it asks the API for. */
export interface NewProjectFields {
  name: string;
  metric: string;
  direction: Direction;
  /** As typed; empty for none. */
  minEffect: string;
}

export function newProjectRequest(
  fields: NewProjectFields,
): { ok: true; request: CreateProjectOptions } | { ok: false; error: string } {
  const name = fields.name.trim();
  const metric = fields.metric.trim();
  if (name === '') return { ok: false, error: 'A project needs a name.' };
  const minEffect = fields.minEffect.trim() === '' ? undefined : Number(fields.minEffect);
  if (minEffect !== undefined && !(Number.isFinite(minEffect) && minEffect > 0)) {
    return { ok: false, error: 'The minimum effect is a positive number, e.g. 0.01.' };
  }
  return {
    ok: true,
    request: {
      name,
      ...(metric === '' ? {} : { primaryMetric: metric, direction: fields.direction }),
      ...(minEffect === undefined ? {} : { minEffect }),
    },
  };
}
