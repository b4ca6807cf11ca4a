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
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  read_only INTEGER NOT NULL,
  project TEXT,
  created_time BIGINT NOT NULL,
  last_used_time BIGINT,
  revoked_time BIGINT
);
`,
};
