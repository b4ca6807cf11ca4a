import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../driver.js';

/**
 * A fingerprint of what a project's pages show, cheap enough to poll every second: the project row (its
 * settings), its runs' count, lifecycle, start, end and deletion times, the running runs' latest metrics,
 * params and tags, its trials' verdicts and its baseline promotions. Any of those changing changes it (a
 * verdict is followed by the length of its stored evaluation, which a change of outcome or figures alters
 * almost always). Not followed, to keep it cheap: tags and params added to runs that have ended.
 */
export async function readProjectRevision(db: SqlExecutor, projectId: string): Promise<string> {
  const id = Number(projectId);
  const running = "SELECT pk FROM runs WHERE project_id = ? AND status = 'RUNNING'";
  const [project, figures] = await Promise.all([
    db.get<Record<string, unknown>>('SELECT * FROM projects WHERE id = ?', [id]),
    db.get<Record<string, unknown>>(
      `SELECT
         (SELECT COUNT(*) FROM runs WHERE project_id = ?) AS runs,
         (SELECT COUNT(*) FROM runs WHERE project_id = ? AND lifecycle_stage = 'active') AS active_runs,
         (SELECT MAX(start_time) FROM runs WHERE project_id = ?) AS last_start,
         (SELECT MAX(end_time) FROM runs WHERE project_id = ?) AS last_end,
         (SELECT MAX(deleted_time) FROM runs WHERE project_id = ?) AS last_delete,
         (SELECT COUNT(*) FROM runs WHERE project_id = ? AND status <> 'RUNNING') AS ended,
         (SELECT COUNT(*) FROM latest_metrics WHERE run_pk IN (${running})) AS metrics,
         (SELECT MAX(timestamp) FROM latest_metrics WHERE run_pk IN (${running})) AS metric_time,
         (SELECT SUM(step) FROM latest_metrics WHERE run_pk IN (${running})) AS metric_steps,
         (SELECT COUNT(*) FROM run_params WHERE run_pk IN (${running})) AS params,
         (SELECT COUNT(*) FROM run_tags WHERE run_pk IN (${running})) AS tags,
         (SELECT COUNT(*) FROM trials WHERE project_id = ?) AS trials,
         (SELECT SUM(LENGTH(outcome) + COALESCE(LENGTH(evaluation), 0)) FROM trials WHERE project_id = ?) AS verdicts,
         (SELECT MAX(id) FROM baseline_promotions WHERE project_id = ?) AS promotion`,
      Array.from({ length: 14 }, () => id),
    ),
  ]);
  const text = JSON.stringify([project ?? null, figures]);
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
