import { createRegistry, type Registry } from '../serving/registry/registry.js';
import type { ArtifactStore } from '../store/artifacts/artifact-store.js';
import { DEFAULT_ARTIFACT_ROOT, FileArtifactStore } from '../store/artifacts/file-artifact-store.js';
import type { Store } from '../store/store.js';
import { LoggedModelService } from '../tracking/logged-models.js';
import { ProjectService } from '../tracking/projects.js';
import { RunIoService } from '../tracking/run-io.js';
import { RunService } from '../tracking/runs.js';
import { createTrialServices, type TrialServices } from '../tracking/trials/index.js';

/**
 * Everything the HTTP layer and the CLI need, built over one store: the one place where the tracking and
 * serving services are put together (they are siblings and do not import each other).
 */
export interface Services extends TrialServices {
  store: Store;
  projects: ProjectService;
  runs: RunService;
  runIo: RunIoService;
  loggedModels: LoggedModelService;
  artifacts: ArtifactStore;
  registry: Registry;
}

export interface ServiceOptions {
  /** Directory the artifact store writes under (default `.ratchet/artifacts`, created on first use). */
  artifactRoot?: string;
}

export function createServices(
  store: Store,
  now: () => number = Date.now,
  options: ServiceOptions = {},
): Services {
  const projects = new ProjectService(store, now);
  const runs = new RunService(store, now);
  return {
    store,
    projects,
    runs,
    ...createTrialServices(store, projects, runs, now),
    runIo: new RunIoService(store),
    loggedModels: new LoggedModelService(store, now),
    artifacts: new FileArtifactStore(options.artifactRoot ?? DEFAULT_ARTIFACT_ROOT),
    registry: createRegistry(store, now),
  };
}
