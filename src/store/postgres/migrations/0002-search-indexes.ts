import type { Migration } from '../../driver.js';

/**
 * Filters on params and tags scan the runs having that key instead of every run. The value is not indexed:
 * a B-tree entry is limited to about 2.7 kB and param/tag values may be longer.
 */
export const searchIndexes: Migration = {
  version: 2,
  name: 'search indexes',
  sql: `
CREATE INDEX run_params_by_key ON run_params (key);
CREATE INDEX run_tags_by_key ON run_tags (key);
`,
};
