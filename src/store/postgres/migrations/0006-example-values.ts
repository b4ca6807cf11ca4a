import type { Migration } from '../../driver.js';

/**
 * Per-example results may be numbers (a per-example loss) as well as right/wrong; a project says whether its
 * runs share one evaluation set (the default) or each draw their own. `value` holds every result, `correct`
 * stays 0/1 for right/wrong ones.
 */
export const exampleValues: Migration = {
  version: 6,
  name: 'per-example values, shared evaluation sets',
  sql: `
ALTER TABLE projects ADD COLUMN eval_set_shared SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE example_results ADD COLUMN value DOUBLE PRECISION;
UPDATE example_results SET value = correct;
ALTER TABLE example_results ALTER COLUMN value SET NOT NULL;
ALTER TABLE example_results ALTER COLUMN correct DROP NOT NULL;
`,
};
