import {
  DATASET_CONTEXT_TAG,
  type DatasetInput,
  type ModelOutput,
  type RunInputsOutputs,
} from '../../core/run-inputs-outputs.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import type { RunIoStore } from '../run-io-store.js';
import { selectIn } from './rows.js';
import { lockActiveRun } from './runs.js';

export class SqlRunIoStore implements RunIoStore {
  constructor(private readonly db: SqlDriver) {}

  async logInputs(
    runId: string,
    datasets: readonly DatasetInput[],
    modelIds: readonly string[],
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const runPk = await lockActiveRun(tx, runId, this.db.capabilities.lockRowsClause);
      const project = await tx.get<{ project_id: number }>('SELECT project_id FROM runs WHERE pk = ?', [
        runPk,
      ]);
      for (const input of datasets) {
        const datasetId = await ensureDataset(tx, project!.project_id, input);
        const context = input.tags.find((t) => t.key === DATASET_CONTEXT_TAG)?.value ?? null;
        await tx.run(
          `INSERT INTO run_dataset_inputs (run_pk, dataset_id, context, tags) VALUES (?, ?, ?, ?)
           ON CONFLICT (run_pk, dataset_id) DO NOTHING`,
          [runPk, datasetId, context, JSON.stringify(input.tags)],
        );
      }
      for (const modelId of modelIds) await linkModel(tx, runPk, 'input', modelId, 0);
    });
  }

  async logOutputs(runId: string, models: readonly ModelOutput[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const runPk = await lockActiveRun(tx, runId, this.db.capabilities.lockRowsClause);
      for (const model of models) await linkModel(tx, runPk, 'output', model.modelId, model.step);
    });
  }

  async forRuns(runIds: readonly string[]): Promise<Map<string, RunInputsOutputs>> {
    const out = new Map<string, RunInputsOutputs>();
    if (runIds.length === 0) return out;
    const entry = (runId: string) => {
      let io = out.get(runId);
      if (io === undefined) {
        io = { datasetInputs: [], modelInputs: [], modelOutputs: [] };
        out.set(runId, io);
      }
      return io;
    };
    const [inputs, links] = await Promise.all([
      selectIn<DatasetInputRow>(
        this.db,
        (list) => `SELECT r.run_id, d.name, d.digest, d.source_type, d.source, d.schema, d.profile, i.tags
                   FROM run_dataset_inputs i JOIN runs r ON r.pk = i.run_pk JOIN datasets d ON d.id = i.dataset_id
                   WHERE r.run_id IN (${list}) ORDER BY d.id`,
        runIds,
      ),
      selectIn<ModelLinkRow>(
        this.db,
        (list) => `SELECT r.run_id, l.direction, l.model_id, l.step
                   FROM run_model_links l JOIN runs r ON r.pk = l.run_pk
                   WHERE r.run_id IN (${list}) ORDER BY l.model_id`,
        runIds,
      ),
    ]);
    for (const row of inputs) {
      entry(row.run_id).datasetInputs.push({
        dataset: {
          name: row.name,
          digest: row.digest,
          sourceType: row.source_type,
          source: row.source,
          schema: row.schema,
          profile: row.profile,
        },
        tags: JSON.parse(row.tags) as DatasetInput['tags'],
      });
    }
    for (const row of links) {
      const io = entry(row.run_id);
      if (row.direction === 'input') io.modelInputs.push(row.model_id);
      else io.modelOutputs.push({ modelId: row.model_id, step: row.step });
    }
    return out;
  }
}

interface DatasetInputRow {
  run_id: string;
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string | null;
  profile: string | null;
  tags: string;
}

interface ModelLinkRow {
  run_id: string;
  direction: 'input' | 'output';
  model_id: string;
  step: number;
}

/** The dataset's id in the project, storing it on first use (an existing one keeps its first description). */
async function ensureDataset(tx: SqlExecutor, projectId: number, { dataset }: DatasetInput): Promise<number> {
  await tx.run(
    `INSERT INTO datasets (project_id, name, digest, source_type, source, schema, profile)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, name, digest) DO NOTHING`,
    [
      projectId,
      dataset.name,
      dataset.digest,
      dataset.sourceType,
      dataset.source,
      dataset.schema,
      dataset.profile,
    ],
  );
  const row = await tx.get<{ id: number }>(
    'SELECT id FROM datasets WHERE project_id = ? AND name = ? AND digest = ?',
    [projectId, dataset.name, dataset.digest],
  );
  return row!.id;
}

async function linkModel(
  tx: SqlExecutor,
  runPk: number,
  direction: 'input' | 'output',
  modelId: string,
  step: number,
): Promise<void> {
  await tx.run(
    `INSERT INTO run_model_links (run_pk, direction, model_id, step) VALUES (?, ?, ?, ?)
     ON CONFLICT (run_pk, direction, model_id) DO UPDATE SET step = excluded.step`,
    [runPk, direction, modelId, step],
  );
}
