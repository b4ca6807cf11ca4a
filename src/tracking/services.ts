import { createRegistry, type Registry } from '../serving/registry/registry.js';
import type { Store } from '../store/store.js';
import { ProjectService } from './projects.js';
import { RunService } from './runs.js';

/** Everything the HTTP layer and the CLI need, built over one store. */
export interface Services {
  store: Store;
  projects: ProjectService;
  runs: RunService;
  registry: Registry;
}

export function createServices(store: Store, now: () => number = Date.now): Services {
  return {
    store,
    projects: new ProjectService(store, now),
    runs: new RunService(store, now),
    registry: createRegistry(store, now),
  };
}
