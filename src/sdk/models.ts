import { api } from '../contract/index.js';
import type { Transport } from './transport.js';
import type { AliasEvent, ModelVersion } from './types.js';

/** Why an alias moves: the improved trial the version comes from, or a reason (a forced move), or both. */
export interface AliasMoveOptions {
  trialId?: string;
  reason?: string;
}

/** Registered models' versions and aliases, each alias move justified and kept in the history. */
export class ModelsClient {
  constructor(private readonly transport: Transport) {}

  /** The version `ref` names now: an alias (`production`) or a version number. */
  async version(name: string, ref: string | number): Promise<ModelVersion> {
    const params = { name, ref: String(ref) };
    return (await this.transport.call(api.registry.version, { params })).model_version;
  }

  /** A new version of an existing model, its artifacts at `source` (e.g. `runs:/<run_id>/model`). */
  async createVersion(name: string, options: { source: string; runId?: string }): Promise<ModelVersion> {
    const body = {
      source: options.source,
      ...(options.runId === undefined ? {} : { run_id: options.runId }),
    };
    return (await this.transport.call(api.registry.createVersion, { params: { name }, body })).model_version;
  }

  /** Points `alias` at `version`; the server refuses a move no improved trial or reason justifies. */
  async moveAlias(
    name: string,
    alias: string,
    version: number,
    options: AliasMoveOptions,
  ): Promise<ModelVersion> {
    const body = {
      version,
      ...(options.trialId === undefined ? {} : { trial_id: options.trialId }),
      ...(options.reason === undefined ? {} : { reason: options.reason }),
    };
    return (
      await this.transport.call(
        api.registry.moveAlias,
        { params: { name, alias }, body },
        { idempotent: true },
      )
    ).model_version;
  }

  async aliasHistory(name: string): Promise<AliasEvent[]> {
    return (await this.transport.call(api.registry.aliasHistory, { params: { name } })).events;
  }
}
