import type { Migration } from '../../driver.js';

/**
 * What MLflow calls a run's inputs and outputs (datasets, models), and MLflow 3's logged models.
 * Datasets are stored once per project by (name, digest), as MLflow does; a run's input of one carries the
 * input's tags, with the `mlflow.data.context` tag copied to `context` so searches on
 * `datasets.context` read a column. Links between runs and models name the model by its string id, since
 * a run's model input may also be a registered model version.
 */
export const inputsAndLoggedModels: Migration = {
  version: 3,
  name: 'run inputs and outputs, logged models',
  sql: `
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  digest TEXT NOT NULL,
  source_type TEXT NOT NULL,
  source TEXT NOT NULL,
  schema TEXT,
  profile TEXT,
  UNIQUE (project_id, name, digest)
);
CREATE TABLE run_dataset_inputs (
  run_pk INTEGER NOT NULL,
  dataset_id INTEGER NOT NULL REFERENCES datasets (id),
  context TEXT,
  tags TEXT NOT NULL,
  PRIMARY KEY (run_pk, dataset_id)
) WITHOUT ROWID;
CREATE TABLE run_model_links (
  run_pk INTEGER NOT NULL,
  direction TEXT NOT NULL,
  model_id TEXT NOT NULL,
  step INTEGER NOT NULL,
  PRIMARY KEY (run_pk, direction, model_id)
) WITHOUT ROWID;
CREATE TABLE logged_models (
  pk INTEGER PRIMARY KEY,
  model_id TEXT NOT NULL UNIQUE,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  model_type TEXT,
  source_run_id TEXT,
  status TEXT NOT NULL,
  status_message TEXT,
  artifact_location TEXT NOT NULL,
  lifecycle_stage TEXT NOT NULL DEFAULT 'active',
  creation_time INTEGER NOT NULL,
  last_update_time INTEGER NOT NULL
);
CREATE INDEX logged_models_by_project ON logged_models (project_id, creation_time);
CREATE TABLE logged_model_params (
  model_pk INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (model_pk, key)
) WITHOUT ROWID;
CREATE TABLE logged_model_tags (
  model_pk INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (model_pk, key)
) WITHOUT ROWID;
CREATE TABLE logged_model_metrics (
  id INTEGER PRIMARY KEY,
  model_pk INTEGER NOT NULL,
  key TEXT NOT NULL,
  value REAL,
  is_nan SMALLINT NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  run_id TEXT,
  dataset_name TEXT,
  dataset_digest TEXT
);
CREATE INDEX logged_model_metrics_by_model ON logged_model_metrics (model_pk);
`,
};
