import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NotebookEntry, Project } from '../../../src/sdk/index.js';
import { progressData } from '../data/progress.js';
import { seedValuesByTrial } from '../data/seed-values.js';
import { queries } from '../queries.js';
import { ErrorText } from '../ui/query-state.js';
import { ProgressPlot } from './progress-plot.js';

/**
 * The ratchet at work: the baseline's staircase of promotions, every trial a point coloured by its verdict,
 * its seeds as small points, x by trial order; a click opens the trial.
 */
export function ProgressChart({ project }: { project: Project }) {
  const notebook = useQuery(queries.notebook(project.id));
  const promotions = useQuery(queries.promotions(project.id));
  const noise = useQuery(queries.noise(project.id));
  const data = useMemo(() => {
    if (!notebook.data || !promotions.data || !noise.data) return null;
    const values = seedValuesByTrial(notebook.data, {
      trialId: noise.data.baseline_trial_id,
      values: noise.data.values,
    });
    return progressData(notebook.data, promotions.data, values);
  }, [notebook.data, promotions.data, noise.data]);
  const byId = useMemo(
    () => new Map<string, NotebookEntry>((notebook.data ?? []).map((e) => [e.id, e])),
    [notebook.data],
  );
  const error = notebook.error ?? promotions.error ?? noise.error;
  return (
    <section data-testid="progress-chart">
      <h2>Progress</h2>
      {error && <ErrorText error={error} />}
      {data && data.numbers.length === 0 && <p className="muted">No trials yet.</p>}
      {data && data.numbers.length > 0 && (
        <ProgressPlot data={data} project={project} trialOf={(id) => byId.get(id)} />
      )}
    </section>
  );
}
