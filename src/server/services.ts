import type { Services } from '../http/services.js';
import { ModelServingService } from '../serving/models/model-serving-service.js';
import { PredictionService } from '../serving/predictions/prediction-service.js';
import { createRegistry } from '../serving/registry/registry.js';
import { DEFAULT_ARTIFACT_ROOT, FileArtifactStore } from '../store/artifacts/file-artifact-store.js';
import type { Store } from '../store/store.js';
import { ApiTokenService } from '../tracking/api-tokens.js';
import type { ArtifactLimits } from '../tracking/artifact-limits.js';
import { ArtifactService } from '../tracking/artifacts.js';
import { LoggedModelService } from '../tracking/logged-models.js';
import { ProjectService } from '../tracking/projects.js';
import { RunIoService } from '../tracking/run-io.js';
import { RunTableService } from '../tracking/run-table.js';
import { RunService } from '../tracking/runs.js';
import { SeriesService } from '../tracking/series.js';
import { TrialCurveService } from '../tracking/trials/curves.js';
import { ExampleService } from '../tracking/trials/example-service.js';
import { createTrialServices } from '../tracking/trials/index.js';
import { offlineEstimator } from './offline-estimate.js';

export type { Services } from '../http/services.js';

export interface ServiceOptions {
  /** Directory the artifact store writes under (default `.ratchet/artifacts`, created on first use). */
  artifactRoot?: string;
  /** Per-artifact, per-run and free-disk bounds on artifact uploads (defaults: 5 GiB, 50 GiB, 1 GiB). */
  artifactLimits?: ArtifactLimits;
  /**
   * Serve `js` models from the registry: their code runs inside this process, so whoever may register a
   * model version may run code here. Off unless asked for (`ratchet serve`, `ratchet server --serve-models`).
   */
  runModelCode?: boolean;
}

/**
 * The services over one store: the one place where the tracking and serving services are put together (they
 * are siblings and do not import each other).
 */
export function createServices(
  store: Store,
  now: () => number = Date.now,
  options: ServiceOptions = {},
): Services {
  const projects = new ProjectService(store, now);
  const runs = new RunService(store, now);
  const series = new SeriesService(store);
  const trialServices = createTrialServices(store, projects, runs, now);
  const artifacts = new ArtifactService(
    new FileArtifactStore(options.artifactRoot ?? DEFAULT_ARTIFACT_ROOT),
    options.artifactLimits,
  );
  const registry = createRegistry(store, now);
  const predictions = new PredictionService(store, now, offlineEstimator(store, trialServices.trials));
  // Serving may not import tracking: where a version's files are is told to it from here.
  const modelFiles = async (name: string, version: number) =>
    artifacts.localDirectoryOf(await registry.versions.downloadUri(name, version));
  return {
    projects,
    runs,
    series,
    curves: new TrialCurveService(store, series),
    runTable: new RunTableService(store, projects),
    ...trialServices,
    runIo: new RunIoService(store),
    loggedModels: new LoggedModelService(store, now),
    examples: new ExampleService(store),
    artifacts,
    registry,
    predictions,
    serving: new ModelServingService(store, predictions, options.runModelCode ? modelFiles : undefined),
    tokens: new ApiTokenService(store, now),
  };
}
