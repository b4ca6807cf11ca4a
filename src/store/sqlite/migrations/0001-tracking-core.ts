import type { Migration } from '../../driver.js';

export const trackingCore: Migration = {
  version: 1,
  name: 'tracking core',
  sql: `
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  artifact_location TEXT,
  lifecycle_stage TEXT NOT NULL DEFAULT 'active',
  primary_metric TEXT,
  direction TEXT,
  creation_time INTEGER NOT NULL,
  last_update_time INTEGER NOT NULL
);
CREATE TABLE project_tags (
  project_id INTEGER NOT NULL REFERENCES projects (id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (project_id, key)
) WITHOUT ROWID;
CREATE TABLE runs (
  pk INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL UNIQUE,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  user_id TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  start_time INTEGER NOT NULL,
  end_time INTEGER,
  lifecycle_stage TEXT NOT NULL DEFAULT 'active',
  artifact_uri TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  parent_run_id TEXT,
  trial_id TEXT,
  seed INTEGER,
  deleted_time INTEGER
);
CREATE INDEX runs_by_project ON runs (project_id, start_time DESC);
CREATE INDEX runs_by_trial ON runs (trial_id) WHERE trial_id IS NOT NULL;
CREATE TABLE run_params (
  run_pk INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_pk, key)
) WITHOUT ROWID;
CREATE TABLE run_tags (
  run_pk INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_pk, key)
) WITHOUT ROWID;
CREATE TABLE metric_keys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE latest_metrics (
  run_pk INTEGER NOT NULL,
  key_id INTEGER NOT NULL,
  value REAL,
  is_nan INTEGER NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  PRIMARY KEY (run_pk, key_id)
) WITHOUT ROWID;
CREATE INDEX latest_metrics_by_key ON latest_metrics (key_id, value);
CREATE TABLE metric_chunks (
  id INTEGER PRIMARY KEY,
  run_pk INTEGER NOT NULL,
  key_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  count INTEGER NOT NULL,
  first_step INTEGER NOT NULL,
  last_step INTEGER NOT NULL,
  last_timestamp INTEGER NOT NULL,
  min_value REAL,
  min_step INTEGER,
  min_timestamp INTEGER,
  max_value REAL,
  max_step INTEGER,
  max_timestamp INTEGER,
  data BLOB NOT NULL
);
CREATE UNIQUE INDEX metric_chunks_by_series ON metric_chunks (run_pk, key_id, seq);
CREATE TABLE ingest_batches (
  run_pk INTEGER NOT NULL,
  batch_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (run_pk, batch_id)
) WITHOUT ROWID;
INSERT INTO projects (id, name, creation_time, last_update_time)
  VALUES (0, 'Default', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
`,
};
