import { describe, expect, it } from 'vitest';
import { parseModelsPage } from './registered-models.js';

describe('a page of the MLflow registry search', () => {
  it('keeps names, descriptions, aliases and the latest version', () => {
    const page = parseModelsPage({
      registered_models: [
        {
          name: 'churn',
          description: 'who leaves',
          aliases: [{ alias: 'production', version: '2' }],
          latest_versions: [{ version: '1' }, { version: '3' }],
        },
        { name: 'bare' },
      ],
      next_page_token: 'abc',
    });
    expect(page).toEqual({
      models: [
        { name: 'churn', description: 'who leaves', aliases: { production: '2' }, latestVersion: '3' },
        { name: 'bare', description: '', aliases: {}, latestVersion: null },
      ],
      nextPageToken: 'abc',
    });
  });

  it('reads an empty registry (MLflow leaves the list out)', () => {
    expect(parseModelsPage({})).toEqual({ models: [] });
  });
});
