import type { Migration } from '../../driver.js';

/**
 * The model registry's tables. Versions are keyed by (model id, number) so a rename touches one row; the
 * model's `next_version` counter keeps a deleted version's number from being handed out again. Child rows
 * are deleted explicitly (SQLite does not enforce foreign keys here), so nothing relies on cascades.
 */
export const modelRegistry: Migration = {
  version: 4,
  name: 'model registry',
  sql: `
CREATE TABLE registered_models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  creation_time INTEGER NOT NULL,
  last_updated_time INTEGER NOT NULL,
  next_version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE registered_model_tags (
  registered_model_id INTEGER NOT NULL REFERENCES registered_models (id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (registered_model_id, key)
);
CREATE TABLE model_versions (
  registered_model_id INTEGER NOT NULL REFERENCES registered_models (id),
  version INTEGER NOT NULL,
  description TEXT,
  user_id TEXT,
  stage TEXT NOT NULL DEFAULT 'None',
  source TEXT NOT NULL,
  run_id TEXT,
  run_link TEXT,
  logged_model_id TEXT,
  creation_time INTEGER NOT NULL,
  last_updated_time INTEGER NOT NULL,
  PRIMARY KEY (registered_model_id, version)
);
CREATE TABLE model_version_tags (
  registered_model_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (registered_model_id, version, key),
  FOREIGN KEY (registered_model_id, version) REFERENCES model_versions (registered_model_id, version)
);
CREATE TABLE registered_model_aliases (
  registered_model_id INTEGER NOT NULL,
  alias TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (registered_model_id, alias),
  FOREIGN KEY (registered_model_id, version) REFERENCES model_versions (registered_model_id, version)
) WITHOUT ROWID;
`,
};
