import type { Migration } from '../../driver.js';
import { registrySchema } from '../../sql/registry-schema.js';

export const modelRegistry: Migration = {
  version: 4,
  name: 'model registry',
  sql: registrySchema({
    identity: 'INTEGER PRIMARY KEY',
    bigint: 'INTEGER',
    clusteredByKey: ' WITHOUT ROWID',
  }),
};
