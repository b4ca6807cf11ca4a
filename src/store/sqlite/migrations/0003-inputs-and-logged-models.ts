import type { Migration } from '../../driver.js';
import { inputsAndModelsSchema } from '../../sql/inputs-and-models-schema.js';

export const inputsAndLoggedModels: Migration = {
  version: 3,
  name: 'run inputs and outputs, logged models',
  sql: inputsAndModelsSchema({
    identity: 'INTEGER PRIMARY KEY',
    bigint: 'INTEGER',
    double: 'REAL',
    clusteredByKey: ' WITHOUT ROWID',
  }),
};
