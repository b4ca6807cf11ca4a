import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes.js';

describe('the models pages as URLs', () => {
  it('parses and prints the models list and a model’s predictions, names encoded', () => {
    expect(parseRoute('/models')).toEqual({ page: 'models' });
    expect(parseRoute('/models/churn%2Fv2/predictions')).toEqual({ page: 'predictions', model: 'churn/v2' });
    expect(routePath({ page: 'predictions', model: 'churn/v2' })).toBe('/models/churn%2Fv2/predictions');
    expect(parseRoute('/models/churn')).toEqual({ page: 'not-found', path: '/models/churn' });
  });
});
