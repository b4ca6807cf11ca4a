import type { Migration } from '../../driver.js';
import { trackingCore } from './0001-tracking-core.js';
import { searchIndexes } from './0002-search-indexes.js';
import { inputsAndLoggedModels } from './0003-inputs-and-logged-models.js';
import { modelRegistry } from './0004-model-registry.js';
import { trials } from './0005-trials.js';
import { exampleValues } from './0006-example-values.js';
import { predictionLog } from './0007-prediction-log.js';
import { aliasHistory } from './0008-alias-history.js';
import { apiTokens } from './0009-api-tokens.js';

/** Every schema version, oldest first; add a file per version and list it here. */
export const postgresMigrations: readonly Migration[] = [
  trackingCore,
  searchIndexes,
  inputsAndLoggedModels,
  modelRegistry,
  trials,
  exampleValues,
  predictionLog,
  aliasHistory,
  apiTokens,
];
