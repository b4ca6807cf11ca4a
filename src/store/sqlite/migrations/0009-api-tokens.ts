import type { Migration } from '../../driver.js';

/**
 * API tokens: only the SHA-256 of each secret is kept, so a copy of the database lets no one in. `project`
 * is reserved for project-scoped tokens (null: every project).
 */
export const apiTokens: Migration = {
  version: 9,
  name: 'api tokens',
  sql: `
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  read_only INTEGER NOT NULL,
  project TEXT,
  created_time INTEGER NOT NULL,
  last_used_time INTEGER,
  revoked_time INTEGER
);
`,
};
