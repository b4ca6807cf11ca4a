import type { Migration } from '../../driver.js';

/**
 * The prediction log and its feedback. A prediction keeps the model's name (not its id) so the log outlives
 * the registry's rows; `correct` is decided once, when a label arrives, so "wrong" filters and accuracy are
 * plain column reads. Per-model settings sit in their own table: a model need not exist in the registry's
 * tables to have been configured, and the registry's tags stay MLflow's.
 */
export const predictionLog: Migration = {
  version: 7,
  name: 'prediction log',
  sql: `
CREATE TABLE predictions (
  id TEXT PRIMARY KEY,
  model_name TEXT NOT NULL,
  model_version INTEGER NOT NULL,
  model_ref TEXT NOT NULL,
  time INTEGER NOT NULL,
  input TEXT NOT NULL,
  output TEXT NOT NULL,
  score REAL,
  label TEXT,
  correct INTEGER,
  label_time INTEGER,
  label_author TEXT,
  label_comment TEXT
);
CREATE INDEX predictions_by_model_version_time ON predictions (model_name, model_version, time);
CREATE INDEX predictions_by_model_time ON predictions (model_name, time, id);
CREATE INDEX predictions_by_time ON predictions (time, id);
CREATE TABLE prediction_settings (
  model_name TEXT PRIMARY KEY,
  sample_rate REAL NOT NULL,
  retention INTEGER
) WITHOUT ROWID;
`,
};
