import { describe, expect, it } from 'vitest';
import { HTTPError } from '../../../src/sdk/index.js';
import { errorMessage, retryOnce } from './errors.js';

describe('error messages', () => {
  it("shows the API's message rather than the request line", () => {
    const error = new HTTPError(
      400,
      { error_code: 'INVALID_STATE', message: 'The trial did not improve.' },
      { method: 'POST', url: '/x' },
    );
    expect(errorMessage(error)).toBe('The trial did not improve.');
    expect(errorMessage(new Error('offline'))).toBe('offline');
  });

  it('retries once what may succeed again, never a refused request', () => {
    const answered = (status: number) => new HTTPError(status, {}, { method: 'GET', url: '/x' });
    expect(retryOnce(0, answered(503))).toBe(true);
    expect(retryOnce(0, new TypeError('fetch failed'))).toBe(true);
    expect(retryOnce(1, answered(503))).toBe(false);
    expect(retryOnce(0, answered(400))).toBe(false);
    expect(retryOnce(0, answered(404))).toBe(false);
    expect(retryOnce(0, Object.assign(new Error('Run not found'), { status: 404 }))).toBe(false);
  });
});
