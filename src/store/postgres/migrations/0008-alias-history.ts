import type { Migration } from '../../driver.js';

/**
 * Every move of a registered model's aliases, whichever route made it, so "who put this version in
 * production, when and on what evidence" has an answer. Keyed by the model's name like the prediction log:
 * the history is about names people use, and a rename carries it along.
 */
export const aliasHistory: Migration = {
  version: 8,
  name: 'alias history',
  sql: `
CREATE TABLE model_alias_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model_name TEXT NOT NULL,
  alias TEXT NOT NULL,
  version BIGINT,
  previous_version BIGINT,
  time BIGINT NOT NULL,
  via TEXT NOT NULL,
  reason TEXT,
  trial_id TEXT
);
CREATE INDEX model_alias_events_by_model ON model_alias_events (model_name, id);
`,
};
