import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Project } from '../../../src/sdk/index.js';
import { progressData } from '../data/progress.js';
import { queries } from '../queries.js';
import { ErrorText } from '../ui/query-state.js';
import { ProgressPlot } from './progress-plot.js';

/**
 * The ratchet at work: the baseline's staircase of promotions, every trial a point coloured by its verdict,
 * its seeds as small points, x by trial order; a click opens the trial. Drawn from the server's columns
 * (`ratchet.projects.progress`), not from the notebook: 10,000 trials travel and draw at once.
 */
export function ProgressChart({ project }: { project: Project }) {
  const progress = useQuery(queries.progress(project.id));
  const promotions = useQuery(queries.promotions(project.id));
  const data = useMemo(
    () => (progress.data && promotions.data ? progressData(progress.data, promotions.data) : null),
    [progress.data, promotions.data],
  );
  const error = progress.error ?? promotions.error;
  return (
    <section data-testid="progress-chart">
      <h2>Progress</h2>
      {error && <ErrorText error={error} />}
      {data && data.numbers.length === 0 && <p className="muted">No trials yet.</p>}
      {progress.data && data && data.numbers.length > 0 && (
        <ProgressPlot data={data} columns={progress.data} project={project} />
      )}
    </section>
  );
}
