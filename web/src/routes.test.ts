import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes.js';

describe('the models pages as URLs', () => {
  it('parses and prints the models list a model’s predictions and its error analysis, names encoded', () => {
    expect(parseRoute('/models')).toEqual({ page: 'models' });
    expect(parseRoute('/models/churn%2Fv2/predictions')).toEqual({ page: 'predictions', model: 'churn/v2' });
    expect(routePath({ page: 'predictions', model: 'churn/v2' })).toBe('/models/churn%2Fv2/predictions');
    expect(parseRoute('/models/churn%2Fv2/errors')).toEqual({ page: 'errors', model: 'churn/v2' });
    expect(routePath({ page: 'errors', model: 'churn/v2' })).toBe('/models/churn%2Fv2/errors');
    expect(parseRoute('/models/churn%2Fv2/aliases')).toEqual({ page: 'aliases', model: 'churn/v2' });
    expect(routePath({ page: 'aliases', model: 'churn/v2' })).toBe('/models/churn%2Fv2/aliases');
    expect(parseRoute('/models/churn/other')).toEqual({ page: 'not-found', path: '/models/churn/other' });
    expect(parseRoute('/models/churn')).toEqual({ page: 'not-found', path: '/models/churn' });
  });
});
