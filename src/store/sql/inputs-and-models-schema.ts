/** The column types in which the two dialects' schemas for run inputs and logged models differ. */
export interface InputsAndModelsColumnTypes {
  /** An auto-assigned integer primary key. */
  identity: string;
  /** A 64-bit integer (ids referencing `identity`, steps, millisecond timestamps). */
  bigint: string;
  /** A float64 that can hold ±Infinity (NaN is stored as NULL with `is_nan` = 1). */
  double: string;
  /** Appended to small tables keyed by their primary key alone. */
  clusteredByKey: string;
}

/**
 * What MLflow calls a run's inputs and outputs (datasets, models), and MLflow 3's logged models.
 * Datasets are stored once per project by (name, digest), as MLflow does; a run's input of one carries the
 * input's tags, with the `mlflow.data.context` tag copied to `context` so searches on
 * `datasets.context` read a column. Links between runs and models name the model by its string id, since
 * a run's model input may also be a registered model version.
 */
export function inputsAndModelsSchema({
  identity,
  bigint,
  double,
  clusteredByKey,
}: InputsAndModelsColumnTypes): string {
  return `
CREATE TABLE datasets (
  id ${identity},
  project_id ${bigint} NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  digest TEXT NOT NULL,
  source_type TEXT NOT NULL,
  source TEXT NOT NULL,
  schema TEXT,
  profile TEXT,
  UNIQUE (project_id, name, digest)
);
CREATE TABLE run_dataset_inputs (
  run_pk ${bigint} NOT NULL,
  dataset_id ${bigint} NOT NULL REFERENCES datasets (id),
  context TEXT,
  tags TEXT NOT NULL,
  PRIMARY KEY (run_pk, dataset_id)
)${clusteredByKey};
CREATE TABLE run_model_links (
  run_pk ${bigint} NOT NULL,
  direction TEXT NOT NULL,
  model_id TEXT NOT NULL,
  step ${bigint} NOT NULL,
  PRIMARY KEY (run_pk, direction, model_id)
)${clusteredByKey};
CREATE TABLE logged_models (
  pk ${identity},
  model_id TEXT NOT NULL UNIQUE,
  project_id ${bigint} NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  model_type TEXT,
  source_run_id TEXT,
  status TEXT NOT NULL,
  status_message TEXT,
  artifact_location TEXT NOT NULL,
  lifecycle_stage TEXT NOT NULL DEFAULT 'active',
  creation_time ${bigint} NOT NULL,
  last_update_time ${bigint} NOT NULL
);
CREATE INDEX logged_models_by_project ON logged_models (project_id, creation_time);
CREATE TABLE logged_model_params (
  model_pk ${bigint} NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (model_pk, key)
)${clusteredByKey};
CREATE TABLE logged_model_tags (
  model_pk ${bigint} NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (model_pk, key)
)${clusteredByKey};
CREATE TABLE logged_model_metrics (
  id ${identity},
  model_pk ${bigint} NOT NULL,
  key TEXT NOT NULL,
  value ${double},
  is_nan SMALLINT NOT NULL,
  step ${bigint} NOT NULL,
  timestamp ${bigint} NOT NULL,
  run_id TEXT,
  dataset_name TEXT,
  dataset_digest TEXT
);
CREATE INDEX logged_model_metrics_by_model ON logged_model_metrics (model_pk);
`;
}
