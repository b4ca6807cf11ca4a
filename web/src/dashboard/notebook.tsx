import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  formatChanges,
  formatFlags,
  formatForced,
  formatOutcome,
  formatSeeds,
} from '../../../src/core/format.js';
import type { NotebookEntry, Project } from '../../../src/sdk/index.js';
import { plural } from '../data/format.js';
import { ciScale, DIDNT_WORK_PARAM, type Scale } from '../data/notebook.js';
import { Link } from '../link.js';
import { NOTEBOOK_PAGE, queries } from '../queries.js';
import { routePath } from '../routes.js';
import { CiBar } from '../ui/ci-bar.js';
import { QueryState } from '../ui/query-state.js';
import { useRowKeys } from '../ui/use-row-keys.js';
import { useSearchParam } from '../ui/use-search-param.js';
import { VerdictBadge } from '../ui/verdict-badge.js';

/**
 * The lab notebook: every trial, newest first, what didn't work included (or alone, from the URL). The server
 * filters and pages it; more pages on demand, so a notebook of 10,000 trials opens at once.
 */
export function Notebook({ project }: { project: Project }) {
  const [filter, setFilter] = useSearchParam(DIDNT_WORK_PARAM);
  const didntWork = filter === '1';
  const notebook = useInfiniteQuery(queries.notebook(project.id, didntWork));
  const toggle = () => setFilter(didntWork ? undefined : '1');
  return (
    <section>
      <header className="section-header">
        <h2>Lab notebook</h2>
        <label className="toggle">
          <input type="checkbox" data-testid="didnt-work-filter" checked={didntWork} onChange={toggle} />
          only what didn't work
        </label>
        <span className="muted small">j/k to move, Enter to open</span>
      </header>
      <QueryState query={notebook} what="the notebook">
        {({ pages }) => (
          <NotebookTable
            project={project}
            entries={pages.flatMap((page) => page.entries)}
            total={pages.at(-1)?.total ?? 0}
            onMore={
              notebook.hasNextPage && !notebook.isFetchingNextPage ? () => notebook.fetchNextPage() : null
            }
          />
        )}
      </QueryState>
    </section>
  );
}

function NotebookTable({
  project,
  entries,
  total,
  onMore,
}: {
  project: Project;
  entries: NotebookEntry[];
  total: number;
  /** Loads the next page; null while one loads or when all are here. */
  onMore: (() => void) | null;
}) {
  const scale = useMemo(() => ciScale(entries.map((e) => e.evaluation?.comparison)), [entries]);
  const rows = useRowKeys();
  if (entries.length === 0) return <p className="muted">No trials here yet.</p>;
  return (
    <>
      <table className="grid notebook" data-testid="notebook" ref={rows}>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Hypothesis</th>
            <th>Change-set</th>
            <th>Seeds</th>
            <th>Δ vs baseline [95% CI]</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <NotebookRow key={entry.id} project={project} entry={entry} scale={scale} />
          ))}
        </tbody>
      </table>
      {total > entries.length && (
        <button type="button" disabled={onMore === null} onClick={() => onMore?.()}>
          Show {Math.min(NOTEBOOK_PAGE, total - entries.length)} more of{' '}
          {plural(total - entries.length, 'trial')}
        </button>
      )}
    </>
  );
}

function NotebookRow({ project, entry, scale }: { project: Project; entry: NotebookEntry; scale: Scale }) {
  const comparison = entry.evaluation?.comparison;
  const notes = [
    formatFlags(entry.change_set.length, entry.accepted_changes_reason),
    formatForced(entry.promotion),
  ]
    .filter((n) => n !== '')
    .join(' · ');
  return (
    <tr
      data-testid="notebook-entry"
      data-verdict={entry.outcome}
      className={entry.is_baseline ? 'current' : undefined}
    >
      <td className="num">
        <Link
          className="row-link"
          href={routePath({ page: 'trial', project: project.name, number: entry.number })}
        >
          #{entry.number}
        </Link>
      </td>
      <td className="hypothesis">
        {entry.hypothesis}
        {entry.is_baseline && <span className="badge badge-baseline">baseline</span>}
        {notes && <div className="muted small">{notes}</div>}
      </td>
      <td className="changes">{formatChanges(entry.parent_trial_id, entry.change_set)}</td>
      <td className="nowrap">{formatSeeds(entry.runs_tally)}</td>
      <td>{comparison && <CiBar difference={comparison} scale={scale} />}</td>
      <td>
        <VerdictBadge
          outcome={entry.notebook_outcome}
          detail={formatOutcome(entry.notebook_outcome, comparison?.additional_runs_per_arm)}
        />
      </td>
    </tr>
  );
}
