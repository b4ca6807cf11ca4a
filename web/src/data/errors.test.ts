import { describe, expect, it } from 'vitest';
import { HTTPError } from '../../../src/sdk/index.js';
import { errorMessage } from './errors.js';

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
});
