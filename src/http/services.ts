import type { ModelServingService } from '../serving/models/model-serving-service.js';
import type { PredictionService } from '../serving/predictions/prediction-service.js';
import type { Registry } from '../serving/registry/registry.js';
import type { ApiTokenService } from '../tracking/api-tokens.js';
import type { ArtifactService } from '../tracking/artifacts.js';
import type { LoggedModelService } from '../tracking/logged-models.js';
import type { ProjectService } from '../tracking/projects.js';
import type { RunIoService } from '../tracking/run-io.js';
import type { RunTableService } from '../tracking/run-table.js';
import type { RunService } from '../tracking/runs.js';
import type { SeriesService } from '../tracking/series.js';
import type { TrialCurveService } from '../tracking/trials/curves.js';
import type { ExampleService } from '../tracking/trials/example-service.js';
import type { TrialServices } from '../tracking/trials/index.js';

/**
 * The tracking and serving services the routes read and write through (never the store: persistence stays
 * behind them). src/server builds them over one store.
 */
export interface Services extends TrialServices {
  projects: ProjectService;
  runs: RunService;
  series: SeriesService;
  curves: TrialCurveService;
  runTable: RunTableService;
  runIo: RunIoService;
  loggedModels: LoggedModelService;
  examples: ExampleService;
  artifacts: ArtifactService;
  registry: Registry;
  predictions: PredictionService;
  serving: ModelServingService;
  tokens: ApiTokenService;
}
