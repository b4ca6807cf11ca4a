import { useQueries, useQuery } from '@tanstack/react-query';
import { formatDate, formatSeeds } from '../../../src/core/format.js';
import type { TrialDetail } from '../../../src/sdk/index.js';
import { Link } from '../link.js';
import { queries } from '../queries.js';
import { routePath } from '../routes.js';
import { ChangeSet } from '../trial/change-set.js';
import { Curves } from '../trial/curves.js';
import { MetricSummaries } from '../trial/metric-summaries.js';
import { PerExampleTable } from '../trial/per-example.js';
import { TrialActions } from '../trial/trial-actions.js';
import { TrialRuns } from '../trial/trial-runs.js';
import { VerdictPanel } from '../trial/verdict-panel.js';
import { Markdown } from '../ui/markdown.js';
import { QueryState } from '../ui/query-state.js';

/** One trial: its verdict, what it changed, its curves, its runs, and what to do with it. */
export function TrialPage({ project, number }: { project: string; number: number }) {
  const trial = useQuery(queries.trial(`${project}#${number}`));
  return (
    <QueryState query={trial} what="the trial">
      {(detail) => <TrialView project={project} trial={detail} />}
    </QueryState>
  );
}

function TrialView({ project, trial }: { project: string; trial: TrialDetail }) {
  const numbers = useRelatedTrialNumbers(trial);
  const label = (id: string) => {
    const n = numbers.get(id);
    return n === undefined ? id.slice(0, 8) : `#${n}`;
  };
  const linkTo = (id: string) => {
    const n = numbers.get(id);
    return n === undefined ? (
      label(id)
    ) : (
      <Link href={routePath({ page: 'trial', project, number: n })}>#{n}</Link>
    );
  };
  const projectInfo = useQuery(queries.projectByName(project));
  const primary = trial.evaluation?.metric ?? projectInfo.data?.primary_metric ?? null;
  return (
    <section className="trial">
      <header className="page-header">
        <h1>
          <Link href={routePath({ page: 'project', project })}>{project}</Link> / trial #{trial.number}
        </h1>
        {trial.is_baseline && <span className="badge badge-baseline">baseline</span>}
        <span className="muted">
          {formatSeeds(trial.runs_tally)} · created {formatDate(trial.created_time)}
        </span>
      </header>
      <div className="hypothesis-text">
        <Markdown text={trial.hypothesis} />
      </div>
      <div className="cards">
        <VerdictPanel evaluation={trial.evaluation} trialLabel={label} />
        <MetricSummaries metrics={trial.metrics} primary={primary} />
      </div>
      <Curves trial={trial} defaultKey={primary} trialLabel={label} />
      <ChangeSet
        trial={trial}
        parent={trial.parent_trial_id === null ? null : linkTo(trial.parent_trial_id)}
      />
      {trial.evaluation?.per_example && <PerExampleTable result={trial.evaluation.per_example} />}
      <TrialRuns runs={trial.runs} />
      {trial.notes && (
        <section>
          <h2>Notes</h2>
          <Markdown text={trial.notes} />
        </section>
      )}
      <TrialActions trial={trial} />
      <p className="muted small">
        id <span className="mono">{trial.id}</span>
      </p>
    </section>
  );
}

/**
 * The numbers of the other trials the page names (its parent, its verdict's baseline), each read on its own:
 * a project's whole list of trials would compete with the curves for the server on a 10,000-trial project.
 */
function useRelatedTrialNumbers(trial: TrialDetail): Map<string, number> {
  const related = [trial.parent_trial_id, trial.evaluation?.baseline_trial_id ?? null];
  const ids = [...new Set(related.filter((id): id is string => id !== null && id !== trial.id))];
  const details = useQueries({ queries: ids.map((id) => queries.trial(id)) });
  const numbers = new Map<string, number>([[trial.id, trial.number]]);
  for (const detail of details) if (detail.data) numbers.set(detail.data.id, detail.data.number);
  return numbers;
}
