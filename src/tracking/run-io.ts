import { invalidParameter, notFound } from '../core/errors.js';
import type { DatasetInput, ModelOutput, RunInputsOutputs } from '../core/run-inputs-outputs.js';
import { validateStringValue } from '../core/validation.js';
import type { Store } from '../store/store.js';

/** MLflow's limits on dataset inputs (mlflow/utils/validation.py). */
export const DATASET_LIMITS = {
  perCall: 1000,
  name: 500,
  digest: 36,
  schema: 1_048_575,
  source: 65_535,
  profile: 16_777_215,
  tagKey: 255,
  tagValue: 500,
} as const;

/** What runs read (datasets, models) and produced (models). */
export class RunIoService {
  constructor(private readonly store: Store) {}

  async logInputs(runId: string, datasets: DatasetInput[], modelIds: string[]): Promise<void> {
    if (datasets.length > DATASET_LIMITS.perCall) {
      throw invalidParameter(
        `A request can log at most ${DATASET_LIMITS.perCall} dataset inputs; got ${datasets.length}.`,
      );
    }
    datasets.forEach(validateDatasetInput);
    await this.store.runIo.logInputs(runId, datasets, modelIds);
  }

  /** The models must exist: a run's output names a logged model. */
  async logOutputs(runId: string, models: ModelOutput[]): Promise<void> {
    for (const { modelId } of models) {
      if (!(await this.store.loggedModels.get(modelId))) {
        throw notFound(`Logged model with ID '${modelId}' not found.`);
      }
    }
    await this.store.runIo.logOutputs(runId, models);
  }

  forRuns(runIds: readonly string[]): Promise<Map<string, RunInputsOutputs>> {
    return this.store.runIo.forRuns(runIds);
  }
}

function validateDatasetInput({ dataset, tags }: DatasetInput, i: number): void {
  const where = `datasets[${i}].dataset`;
  for (const field of ['name', 'digest', 'sourceType', 'source'] as const) {
    if (dataset[field] === '')
      throw invalidParameter(`Missing value for required parameter '${where}.${field}'.`);
  }
  validateStringValue(dataset.name, `${where}.name`, DATASET_LIMITS.name);
  validateStringValue(dataset.digest, `${where}.digest`, DATASET_LIMITS.digest);
  validateStringValue(dataset.source, `${where}.source`, DATASET_LIMITS.source);
  if (dataset.schema !== null) validateStringValue(dataset.schema, `${where}.schema`, DATASET_LIMITS.schema);
  if (dataset.profile !== null)
    validateStringValue(dataset.profile, `${where}.profile`, DATASET_LIMITS.profile);
  tags.forEach((tag, j) => {
    if (tag.key === '')
      throw invalidParameter(`Missing value for required parameter 'datasets[${i}].tags[${j}].key'.`);
    validateStringValue(tag.key, `datasets[${i}].tags[${j}].key`, DATASET_LIMITS.tagKey);
    validateStringValue(tag.value, `datasets[${i}].tags[${j}].value`, DATASET_LIMITS.tagValue);
  });
}
