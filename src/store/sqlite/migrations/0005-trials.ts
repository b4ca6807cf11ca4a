import type { Migration } from '../../driver.js';

/** Trials, baselines and verdicts: the experiment record of a project. */
export const trials: Migration = {
  version: 5,
  name: 'trials and baselines',
  sql: `
ALTER TABLE projects ADD COLUMN min_effect REAL;
ALTER TABLE projects ADD COLUMN eval_set_size_metric TEXT;
ALTER TABLE projects ADD COLUMN deadline INTEGER;
ALTER TABLE projects ADD COLUMN trial_budget INTEGER;
ALTER TABLE projects ADD COLUMN compute_hours_budget REAL;
ALTER TABLE projects ADD COLUMN stall_after_trials INTEGER NOT NULL DEFAULT 5;
ALTER TABLE projects ADD COLUMN stall_after_days REAL NOT NULL DEFAULT 14;
ALTER TABLE projects ADD COLUMN auto_promote INTEGER NOT NULL DEFAULT 0;
CREATE TABLE trials (
  id TEXT PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  number INTEGER NOT NULL,
  hypothesis TEXT NOT NULL,
  parent_trial_id TEXT REFERENCES trials (id),
  declared_config TEXT NOT NULL,
  change_set TEXT NOT NULL,
  accepted_changes_reason TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_time INTEGER NOT NULL,
  evaluation TEXT,
  outcome TEXT NOT NULL DEFAULT 'pending',
  UNIQUE (project_id, number)
) WITHOUT ROWID;
CREATE INDEX trials_by_project ON trials (project_id, created_time DESC);
CREATE TABLE baseline_promotions (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id),
  trial_id TEXT NOT NULL REFERENCES trials (id),
  previous_trial_id TEXT REFERENCES trials (id),
  promoted_time INTEGER NOT NULL,
  evaluation TEXT,
  forced INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  automatic INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX baseline_promotions_by_project ON baseline_promotions (project_id, id DESC);
CREATE TABLE example_results (
  run_pk INTEGER NOT NULL,
  example_id TEXT NOT NULL,
  correct INTEGER NOT NULL,
  PRIMARY KEY (run_pk, example_id)
) WITHOUT ROWID;
`,
};
