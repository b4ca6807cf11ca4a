/** A dataset as MLflow describes one; a project stores each (name, digest) once. */
export interface Dataset {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface InputTag {
  key: string;
  value: string;
}

/** A dataset a run read, with the input's tags (e.g. `mlflow.data.context` = `train`). */
export interface DatasetInput {
  dataset: Dataset;
  tags: InputTag[];
}

/** A model a run produced, at the step it was produced. */
export interface ModelOutput {
  modelId: string;
  step: number;
}

export interface RunInputsOutputs {
  datasetInputs: DatasetInput[];
  /** Ids of logged models (or registered model versions) the run used. */
  modelInputs: string[];
  modelOutputs: ModelOutput[];
}

export const NO_INPUTS_OUTPUTS: RunInputsOutputs = Object.freeze({
  datasetInputs: [],
  modelInputs: [],
  modelOutputs: [],
});

/** The context tag of a dataset input, which searches on `datasets.context` read. */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context';
