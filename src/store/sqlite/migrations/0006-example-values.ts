import type { Migration } from '../../driver.js';

/**
 * Per-example results may be numbers (a per-example loss) as well as right/wrong; a project says whether its
 * runs share one evaluation set (the default) or each draw their own. SQLite cannot relax a NOT NULL column,
 * so example_results is rebuilt: `value` holds every result, `correct` stays 0/1 for right/wrong ones.
 */
export const exampleValues: Migration = {
  version: 6,
  name: 'per-example values, shared evaluation sets',
  sql: `
ALTER TABLE projects ADD COLUMN eval_set_shared INTEGER NOT NULL DEFAULT 1;
CREATE TABLE example_results_v6 (
  run_pk INTEGER NOT NULL,
  example_id TEXT NOT NULL,
  value REAL NOT NULL,
  correct INTEGER,
  PRIMARY KEY (run_pk, example_id)
) WITHOUT ROWID;
INSERT INTO example_results_v6 (run_pk, example_id, value, correct)
  SELECT run_pk, example_id, correct, correct FROM example_results;
DROP TABLE example_results;
ALTER TABLE example_results_v6 RENAME TO example_results;
`,
};
