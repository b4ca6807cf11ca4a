import type { ExampleResults, ExampleValue } from '../../core/example-results.js';
import type { SqlDriver } from '../driver.js';
import type { ExampleStore } from '../trial-store.js';
import { placeholders, selectIn } from './rows.js';
import { runNotFound } from './runs.js';

const COLUMNS_PER_ROW = 4;

export class SqlExampleStore implements ExampleStore {
  constructor(private readonly db: SqlDriver) {}

  async record(runId: string, results: ExampleResults): Promise<void> {
    const rowsPerStatement = Math.min(500, Math.floor(this.db.capabilities.maxParameters / COLUMNS_PER_ROW));
    const entries = [...results];
    await this.db.transaction(async (tx) => {
      const run = await tx.get<{ pk: number }>('SELECT pk FROM runs WHERE run_id = ?', [runId]);
      if (!run) throw runNotFound(runId);
      for (let start = 0; start < entries.length; start += rowsPerStatement) {
        const group = entries.slice(start, start + rowsPerStatement);
        await tx.run(
          `INSERT INTO example_results (run_pk, example_id, value, correct) VALUES ${group
            .map(() => `(${placeholders(COLUMNS_PER_ROW)})`)
            .join(', ')}
           ON CONFLICT (run_pk, example_id) DO UPDATE SET value = excluded.value, correct = excluded.correct`,
          group.flatMap(([exampleId, value]) =>
            typeof value === 'boolean'
              ? [run.pk, exampleId, Number(value), Number(value)]
              : [run.pk, exampleId, value, null],
          ),
        );
      }
    });
  }

  async forRuns(runIds: readonly string[]): Promise<Map<string, Map<string, ExampleValue>>> {
    const rows = await selectIn<{
      run_id: string;
      example_id: string;
      value: number;
      correct: number | null;
    }>(
      this.db,
      (list) => `SELECT r.run_id, e.example_id, e.value, e.correct FROM example_results e
                 JOIN runs r ON r.pk = e.run_pk WHERE r.run_id IN (${list})`,
      runIds,
    );
    const byRun = new Map<string, Map<string, ExampleValue>>();
    for (const row of rows) {
      const results = byRun.get(row.run_id) ?? new Map<string, ExampleValue>();
      results.set(row.example_id, row.correct === null ? Number(row.value) : row.correct === 1);
      byRun.set(row.run_id, results);
    }
    return byRun;
  }
}
