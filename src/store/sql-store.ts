import type { SqlDriver } from './driver.js';
import { SqlApiTokenStore } from './sql/api-tokens.js';
import { SqlBaselineStore } from './sql/baselines.js';
import { SqlExampleStore } from './sql/examples.js';
import { SqlLoggedModelStore } from './sql/logged-models.js';
import { MetricKeyDictionary } from './sql/metric-keys.js';
import { SqlMetricStore } from './sql/metrics.js';
import { SqlModelVersionStore } from './sql/model-versions.js';
import { SqlPredictionStore } from './sql/predictions.js';
import { SqlProjectSettingsStore } from './sql/project-settings.js';
import { SqlProjectStore } from './sql/projects.js';
import { SqlRegisteredModelStore } from './sql/registered-models.js';
import { SqlRunIoStore } from './sql/run-io.js';
import { SqlRunStore } from './sql/runs.js';
import { SqlTrialStore } from './sql/trials.js';
import type { Store } from './store.js';

/** The one Store implementation: shared SQL over whichever dialect's driver it is given. */
export function createSqlStore(driver: SqlDriver): Store {
  const metricKeys = new MetricKeyDictionary(driver);
  return {
    projects: new SqlProjectStore(driver),
    runs: new SqlRunStore(driver, metricKeys),
    metrics: new SqlMetricStore(driver, metricKeys),
    trials: new SqlTrialStore(driver),
    baselines: new SqlBaselineStore(driver),
    examples: new SqlExampleStore(driver),
    projectSettings: new SqlProjectSettingsStore(driver),
    runIo: new SqlRunIoStore(driver),
    loggedModels: new SqlLoggedModelStore(driver),
    registry: { models: new SqlRegisteredModelStore(driver), versions: new SqlModelVersionStore(driver) },
    predictions: new SqlPredictionStore(driver),
    apiTokens: new SqlApiTokenStore(driver),
    capabilities: driver.capabilities,
    close: () => driver.close(),
  };
}
