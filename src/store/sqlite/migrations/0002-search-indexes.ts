import type { Migration } from '../../driver.js';

/** Filters on params and tags scan an index of matching (key, value) pairs instead of every run. */
export const searchIndexes: Migration = {
  version: 2,
  name: 'search indexes',
  sql: `
CREATE INDEX run_params_by_key ON run_params (key, value);
CREATE INDEX run_tags_by_key ON run_tags (key, value);
`,
};
