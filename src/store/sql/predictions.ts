import type { Feedback, Prediction, PredictionSettings } from '../../core/prediction.js';
import type { SqlDriver, SqlExecutor, SqlValue } from '../driver.js';
import type {
  LabelledPrediction,
  LabelOutcome,
  PredictionQuery,
  PredictionRow,
  PredictionStore,
  QualityCount,
} from '../prediction-store.js';
import { placeholders } from './rows.js';

const INSERT_COLUMNS = ['id', 'model_name', 'model_version', 'model_ref', 'time', 'input', 'output', 'score'];
const COLUMNS = `${INSERT_COLUMNS.join(', ')}, label, label_time, label_author, label_comment`;
const NEWEST_FIRST = 'ORDER BY time DESC, id DESC';

interface Row {
  id: string;
  model_name: string;
  model_version: number;
  model_ref: string;
  time: number;
  input: string;
  output: string;
  score: number | null;
  label: string | null;
  label_time: number | null;
  label_author: string | null;
  label_comment: string | null;
}

export class SqlPredictionStore implements PredictionStore {
  constructor(private readonly db: SqlDriver) {}

  async insert(rows: readonly PredictionRow[]): Promise<Set<string>> {
    const rowsPerStatement = Math.min(
      500,
      Math.floor(this.db.capabilities.maxParameters / INSERT_COLUMNS.length),
    );
    const models = [...new Set(rows.map((row) => row.modelName))];
    return this.db.transaction(async (tx) => {
      const inserted = new Set<string>();
      for (let start = 0; start < rows.length; start += rowsPerStatement) {
        const group = rows.slice(start, start + rowsPerStatement);
        const returned = await tx.all<{ id: string }>(
          `INSERT INTO predictions (${INSERT_COLUMNS.join(', ')}) VALUES ${group
            .map(() => `(${placeholders(INSERT_COLUMNS.length)})`)
            .join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
          group.flatMap((row) => [
            row.id,
            row.modelName,
            row.modelVersion,
            row.modelRef,
            row.time,
            JSON.stringify(row.input),
            JSON.stringify(row.output),
            row.score,
          ]),
        );
        for (const { id } of returned) inserted.add(id);
      }
      for (const model of models) await enforceRetention(tx, model);
      return inserted;
    });
  }

  async get(id: string): Promise<Prediction | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM predictions WHERE id = ?`, [id]);
    return row && toPrediction(row);
  }

  async list(query: PredictionQuery): Promise<{ predictions: Prediction[]; total: number }> {
    const { where, params } = this.conditions(query);
    const [rows, count] = await Promise.all([
      this.db.all<Row>(`SELECT ${COLUMNS} FROM predictions ${where} ${NEWEST_FIRST} LIMIT ? OFFSET ?`, [
        ...params,
        query.limit,
        query.offset,
      ]),
      this.db.get<{ total: number }>(`SELECT COUNT(*) AS total FROM predictions ${where}`, params),
    ]);
    return { predictions: rows.map(toPrediction), total: Number(count?.total ?? 0) };
  }

  async label(id: string, feedback: Feedback, correct: boolean, replace: boolean): Promise<LabelOutcome> {
    const changed = await this.db.run(
      `UPDATE predictions SET label = ?, correct = ?, label_time = ?, label_author = ?, label_comment = ?
       WHERE id = ?${replace ? '' : ' AND label IS NULL'}`,
      [JSON.stringify(feedback.label), Number(correct), feedback.time, feedback.author, feedback.comment, id],
    );
    if (changed.changes > 0) return 'labelled';
    return (await this.db.get('SELECT id FROM predictions WHERE id = ?', [id]))
      ? 'already_labelled'
      : 'not_found';
  }

  async quality(modelName: string, bucketMs: number): Promise<QualityCount[]> {
    const rows = await this.db.all<{
      version: number;
      bucket_start: number;
      labelled: number;
      correct: number;
    }>(
      `SELECT model_version AS version, time - time % ? AS bucket_start, COUNT(*) AS labelled,
              SUM(correct) AS correct
       FROM predictions WHERE model_name = ? AND label IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [bucketMs, modelName],
    );
    return rows.map((row) => ({
      version: Number(row.version),
      bucketStart: Number(row.bucket_start),
      labelled: Number(row.labelled),
      correct: Number(row.correct),
    }));
  }

  async labelled(
    modelName: string,
    modelVersion: number | null,
    limit: number,
  ): Promise<LabelledPrediction[]> {
    const byVersion = modelVersion === null ? '' : ' AND model_version = ?';
    const rows = await this.db.all<Row>(
      `SELECT ${COLUMNS} FROM predictions WHERE model_name = ?${byVersion} AND label IS NOT NULL
       ${NEWEST_FIRST} LIMIT ?`,
      modelVersion === null ? [modelName, limit] : [modelName, modelVersion, limit],
    );
    return rows.map((row) => toPrediction(row) as LabelledPrediction);
  }

  async settings(modelName: string): Promise<PredictionSettings | undefined> {
    const row = await this.db.get<{ sample_rate: number; retention: number | null }>(
      'SELECT sample_rate, retention FROM prediction_settings WHERE model_name = ?',
      [modelName],
    );
    return row && { sampleRate: Number(row.sample_rate), retention: row.retention };
  }

  async saveSettings(modelName: string, settings: PredictionSettings): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO prediction_settings (model_name, sample_rate, retention) VALUES (?, ?, ?)
         ON CONFLICT (model_name) DO UPDATE SET sample_rate = excluded.sample_rate, retention = excluded.retention`,
        [modelName, settings.sampleRate, settings.retention],
      );
      await enforceRetention(tx, modelName);
    });
  }

  private conditions(query: PredictionQuery): { where: string; params: SqlValue[] } {
    const double = this.db.capabilities.doubleParameter;
    const clauses: string[] = [];
    const params: SqlValue[] = [];
    const add = (clause: string, ...values: SqlValue[]) => {
      clauses.push(clause);
      params.push(...values);
    };
    if (query.modelName !== undefined) add('model_name = ?', query.modelName);
    if (query.modelVersion !== undefined) add('model_version = ?', query.modelVersion);
    if (query.labelled !== undefined) add(query.labelled ? 'label IS NOT NULL' : 'label IS NULL');
    if (query.wrong !== undefined) add(query.wrong ? 'correct = 0' : 'correct = 1');
    if (query.minScore !== undefined) add(`score >= ${double}`, query.minScore);
    if (query.maxScore !== undefined) add(`score <= ${double}`, query.maxScore);
    return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
  }
}

/** Deletes the model's oldest predictions beyond its retention bound (newest kept; ties broken by id). */
async function enforceRetention(tx: SqlExecutor, modelName: string): Promise<void> {
  const settings = await tx.get<{ retention: number | null }>(
    'SELECT retention FROM prediction_settings WHERE model_name = ?',
    [modelName],
  );
  if (settings?.retention == null) return;
  const firstDropped = await tx.get<{ time: number; id: string }>(
    `SELECT time, id FROM predictions WHERE model_name = ? ${NEWEST_FIRST} LIMIT 1 OFFSET ?`,
    [modelName, Number(settings.retention)],
  );
  if (!firstDropped) return;
  await tx.run('DELETE FROM predictions WHERE model_name = ? AND (time < ? OR (time = ? AND id <= ?))', [
    modelName,
    firstDropped.time,
    firstDropped.time,
    firstDropped.id,
  ]);
}

function toPrediction(row: Row): Prediction {
  return {
    id: row.id,
    modelName: row.model_name,
    modelVersion: Number(row.model_version),
    modelRef: row.model_ref,
    time: Number(row.time),
    input: JSON.parse(row.input),
    output: JSON.parse(row.output),
    score: row.score,
    feedback:
      row.label === null
        ? null
        : {
            label: JSON.parse(row.label),
            time: Number(row.label_time),
            author: row.label_author,
            comment: row.label_comment,
          },
  };
}
