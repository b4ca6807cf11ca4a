import { RatchetError } from '../../core/errors.js';
import type { JsonValue } from '../../core/prediction.js';
import type { Store } from '../../store/store.js';
import { modelRefOf, resolveModelRef } from '../predictions/model-refs.js';
import { checkBatchSize } from '../predictions/prediction-input.js';
import type { PredictionServiceApi } from '../predictions/types.js';
import { messageOf } from './error-message.js';
import { checkInputs } from './input-signature.js';
import type { LoadedModel } from './loaded-model.js';
import { answersOf, type ModelAnswer } from './model-answers.js';
import { ModelCache } from './model-cache.js';
import { loadModel } from './model-loader.js';

/** The local directory holding a model version's artifacts (undefined: there is none on this server). */
export type ModelFilesLocator = (name: string, version: number) => Promise<string | undefined>;

export interface PredictResult {
  model: string;
  version: number;
  /** One per input, in order, each with the id it is logged under. */
  predictions: ({ id: string } & ModelAnswer)[];
}

/**
 * Answers inputs with a registered model version's model (js or onnx) and logs every answer in the prediction log.
 * An alias is resolved once per request, so when it moves each request is answered, and logged, by exactly
 * one version: the one it named when the request arrived.
 */
export class ModelServingService {
  private readonly models: ModelCache;

  constructor(
    private readonly store: Store,
    private readonly predictions: PredictionServiceApi,
    /** undefined: this server does not run model code (serving is off). */
    private readonly modelFiles: ModelFilesLocator | undefined,
  ) {
    this.models = new ModelCache(async (name, version) => {
      const directory = await this.modelFiles?.(name, version);
      if (directory === undefined) throw new Error('its artifacts are not on this server.');
      return loadModel(directory);
    });
  }

  /** `ref` is an alias (`production`) or a version number (`3`). */
  async predict(name: string, ref: string, inputs: readonly JsonValue[]): Promise<PredictResult> {
    this.assertServing();
    checkBatchSize(inputs.length, 'inputs');
    const version = await this.versionOf(name, ref);
    const served = `${name}/${version}`;
    const model = await this.load(name, version);
    if (model.signature !== undefined) checkInputs(inputs, model.signature, served);
    const answers = await answer(model, inputs, served);
    const logged = await this.predictions.log(
      inputs.map((input, i) => ({ model: served, input, ...answers[i]! })),
    );
    return {
      model: name,
      version,
      predictions: answers.map((answer, i) => ({ id: logged.ids[i]!, ...answer })),
    };
  }

  /** Loads the version `ref` names now, so a serving process finds a broken model before it listens. */
  async warm(name: string, ref: string): Promise<number> {
    this.assertServing();
    const version = await this.versionOf(name, ref);
    await this.load(name, version);
    return version;
  }

  private assertServing(): void {
    if (this.modelFiles === undefined) {
      throw new RatchetError(
        'ENDPOINT_NOT_FOUND',
        'This server does not serve models: model code runs inside the server, so it is off unless asked for. ' +
          'Start `ratchet serve NAME@ALIAS`, or `ratchet server --serve-models`.',
      );
    }
  }

  /** The version an alias names at this moment, or the version number itself; 404 when there is none. */
  private async versionOf(name: string, ref: string): Promise<number> {
    return (await resolveModelRef(this.store, modelRefOf(name, ref))).version;
  }

  private async load(name: string, version: number): Promise<LoadedModel> {
    try {
      return await this.models.get(name, version);
    } catch (error) {
      throw new RatchetError(
        'INVALID_STATE',
        `Model ${name}/${version} cannot be served: ${messageOf(error)}`,
      );
    }
  }
}

/** A model that throws or answers nonsense is the model's fault, not the caller's: a 500 that says so. */
async function answer(
  model: LoadedModel,
  inputs: readonly JsonValue[],
  served: string,
): Promise<ModelAnswer[]> {
  try {
    return answersOf(await model.predict(inputs), inputs.length);
  } catch (error) {
    throw new RatchetError('INTERNAL_ERROR', `Model ${served} failed on this batch: ${messageOf(error)}`);
  }
}
