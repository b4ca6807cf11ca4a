import { createRegistry, type Registry } from '../serving/registry/registry.js';
import type { ArtifactStore } from '../store/artifacts/artifact-store.js';
import { DEFAULT_ARTIFACT_ROOT, FileArtifactStore } from '../store/artifacts/file-artifact-store.js';
import type { Store } from '../store/store.js';
import { LoggedModelService } from './logged-models.js';
import { ProjectService } from './projects.js';
import { RunIoService } from './run-io.js';
import { RunService } from './runs.js';
import { createTrialServices, type TrialServices } from './trials/index.js';

/** Everything the HTTP layer and the CLI need, built over one store. */
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
