import { createRegistry, type Registry } from '../serving/registry/registry.js';
import type { Store } from '../store/store.js';
import { ProjectService } from './projects.js';
import { RunService } from './runs.js';
import { createTrialServices, type TrialServices } from './trials/index.js';

/** Everything the HTTP layer and the CLI need, built over one store. */
export interface Services extends TrialServices {
  store: Store;
  projects: ProjectService;
  runs: RunService;
  registry: Registry;
}

export function createServices(store: Store, now: () => number = Date.now): Services {
  const projects = new ProjectService(store, now);
  const runs = new RunService(store, now);
  return {
    store,
    projects,
    runs,
    ...createTrialServices(store, projects, runs, now),
    registry: createRegistry(store, now),
  };
}
