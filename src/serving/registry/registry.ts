import type { Store } from '../../store/store.js';
import { ModelVersionService } from './model-versions.js';
import { RegisteredModelService } from './registered-models.js';

/** The model registry: what MLflow's registry routes and Ratchet's serving (aliases such as `production`) use. */
export interface Registry {
  models: RegisteredModelService;
  versions: ModelVersionService;
}

export function createRegistry(store: Store, now: () => number): Registry {
  const versions = new ModelVersionService(store, now);
  return { models: new RegisteredModelService(store, now, versions), versions };
}
