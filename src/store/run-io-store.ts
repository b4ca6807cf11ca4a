import type { DatasetInput, ModelOutput, RunInputsOutputs } from '../core/run-inputs-outputs.js';

/**
 * What runs read and produced. Writes need an active run (else INVALID_PARAMETER_VALUE) and are one
 * transaction each; linking what is already linked changes nothing.
 */
export interface RunIoStore {
  logInputs(runId: string, datasets: readonly DatasetInput[], modelIds: readonly string[]): Promise<void>;
  logOutputs(runId: string, models: readonly ModelOutput[]): Promise<void>;
  /** The inputs and outputs of these runs; runs with none are absent from the map. */
  forRuns(runIds: readonly string[]): Promise<Map<string, RunInputsOutputs>>;
}
