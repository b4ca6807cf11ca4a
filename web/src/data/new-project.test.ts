import { describe, expect, it } from 'vitest';
import { newProjectRequest } from './new-project.js';

const fields = { name: ' penguins ', metric: 'test_acc', direction: 'maximize' as const, minEffect: '0.01' };

describe('the new project form', () => {
  it('asks for the project with its metric, direction and minimum effect', () => {
    expect(newProjectRequest(fields)).toEqual({
      ok: true,
      request: { name: 'penguins', primaryMetric: 'test_acc', direction: 'maximize', minEffect: 0.01 },
    });
  });

  it('leaves out what was left empty', () => {
    expect(newProjectRequest({ ...fields, metric: '', minEffect: '' })).toEqual({
      ok: true,
      request: { name: 'penguins' },
    });
  });

  it('refuses a missing name and a minimum effect that is not a positive number', () => {
    expect(newProjectRequest({ ...fields, name: '  ' })).toEqual({
      ok: false,
      error: 'A project needs a name.',
    });
    expect(newProjectRequest({ ...fields, minEffect: '-1' }).ok).toBe(false);
    expect(newProjectRequest({ ...fields, minEffect: 'abc' }).ok).toBe(false);
  });
});
