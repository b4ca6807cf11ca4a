import type { ProjectKeys } from '../../core/project.js';
import type { SqlExecutor } from '../driver.js';

/**
 * The distinct param, metric and tag keys of a project's active runs, each sorted by code point: one query
 * per kind, each reading the project's runs through their index and the key tables by run.
 */
export async function readProjectKeys(
  db: SqlExecutor,
  projectId: string,
  codePointOrder: (expr: string) => string,
): Promise<ProjectKeys> {
  const activeRuns = "SELECT pk FROM runs WHERE project_id = ? AND lifecycle_stage = 'active'";
  const distinct = async (sql: string) =>
    (await db.all<{ key: string }>(sql, [Number(projectId)])).map((row) => row.key);
  const [params, metrics, tags] = await Promise.all([
    distinct(
      `SELECT DISTINCT ${codePointOrder('key')} AS key FROM run_params WHERE run_pk IN (${activeRuns}) ORDER BY 1`,
    ),
    distinct(
      `SELECT k.name AS key FROM metric_keys k WHERE k.id IN (SELECT DISTINCT key_id FROM latest_metrics
       WHERE run_pk IN (${activeRuns})) ORDER BY ${codePointOrder('k.name')}`,
    ),
    distinct(
      `SELECT DISTINCT ${codePointOrder('key')} AS key FROM run_tags WHERE run_pk IN (${activeRuns}) ORDER BY 1`,
    ),
  ]);
  return { params, metrics, tags };
}
