import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ChartViewControls, MetricChart } from '../../charts/index.js';
import { columnId, FIXED_COLUMNS } from '../../data/columns.js';
import { errorMessage } from '../../data/errors.js';
import { filterProblemOf } from '../../data/filter-check.js';
import { plural } from '../../data/format.js';
import { groupRows, listItems } from '../../data/grouping.js';
import { compareRunsHref, runHref } from '../../data/run-link.js';
import type { Cell } from '../../data/runs-table.js';
import {
  nextSort,
  orderByOf,
  type RunsView,
  runsViewFromSearch,
  runsViewSearch,
  toggled,
} from '../../data/runs-view.js';
import { useRunsTable } from '../../data/use-runs-table.js';
import { Link } from '../../link.js';
import { navigate, useLocation } from '../../location.js';
import { queries } from '../../queries.js';
import { routePath, withSearch } from '../../routes.js';
import { ColumnPicker } from './column-picker.js';
import { KeySelect } from './key-select.js';
import { RunsFilter } from './runs-filter.js';
import { RunsGrid } from './runs-grid.js';
import './runs.css';

/** How many runs the chart draws when none is selected: the first ones in the table's order. */
const CHART_RUNS_UNSELECTED = 10;

/** The runs explorer: filter, columns, sort, group, select → compare, and a chart; all of it in the URL. */
export function RunsPage({ project }: { project: string }) {
  const { search } = useLocation();
  const searchKey = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view changes only when the URL's search does
  const view = useMemo(() => runsViewFromSearch(search), [searchKey]);
  const path = routePath({ page: 'runs', project });
  const update = useCallback(
    (changes: Partial<RunsView>, options: { replace?: boolean } = {}) =>
      navigate(
        withSearch(
          path,
          runsViewSearch({ ...runsViewFromSearch(new URLSearchParams(window.location.search)), ...changes }),
        ),
        options,
      ),
    [path],
  );

  const projectQuery = useQuery(queries.projectByName(project));
  const projectId = projectQuery.data?.id;
  // The keys wait for the table's first page: the server answers one request at a time, and the keys of
  // 50,000 runs take it a few hundred ms that the first rows should not wait behind.
  const [tableAnswered, setTableAnswered] = useState(false);
  const keys = useQuery({
    ...queries.keys(projectId ?? ''),
    enabled: projectId !== undefined && tableAnswered,
  });
  const metric = view.metric ?? projectQuery.data?.primary_metric ?? keys.data?.metrics[0] ?? null;
  const metricColumn = metric === null ? null : columnId('metrics', metric);
  const fetched = useMemo(
    () => [
      ...new Set([
        ...view.columns,
        ...(view.group === null ? [] : [view.group]),
        ...(view.group !== null && metricColumn !== null ? [metricColumn] : []),
      ]),
    ],
    [view.columns, view.group, metricColumn],
  );
  const { table, loading, settled, error } = useRunsTable(projectId, view.filter, orderByOf(view), fetched);
  useEffect(() => {
    if (settled) setTableAnswered(true);
  }, [settled]);

  const [expanded, setExpanded] = useState<ReadonlySet<Cell>>(new Set());
  const groups = useMemo(
    () => (view.group === null ? null : groupRows(table, view.group, metricColumn)),
    [table, view.group, metricColumn],
  );
  const items = useMemo(() => listItems(table, groups, expanded), [table, groups, expanded]);
  const selected = useMemo(() => new Set(view.selected), [view.selected]);

  const chartRunsNow = useMemo(() => {
    const rows =
      view.selected.length > 0
        ? view.selected.map((id) => table.runId.indexOf(id))
        : [...Array(Math.min(table.rows, CHART_RUNS_UNSELECTED)).keys()];
    return rows
      .filter((row) => row >= 0)
      .map((row) => ({ id: table.runId[row]!, label: table.name[row]!, origin: table.startTime[row]! }));
  }, [table, view.selected]);
  // The same runs as before when a background page arrives: the chart neither refetches nor redraws.
  const chartRunsKey = JSON.stringify(chartRunsNow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: chartRunsKey stands for chartRunsNow's content
  const chartRuns = useMemo(() => chartRunsNow, [chartRunsKey]);

  const groupOptions = useMemo(
    () =>
      (['params', 'tags'] as const).flatMap((kind) =>
        (keys.data?.[kind] ?? []).map((key) => ({ value: columnId(kind, key), label: columnId(kind, key) })),
      ),
    [keys.data],
  );
  const metricOptions = useMemo(() => {
    const known = keys.data?.metrics ?? [];
    // The metric shown (the project's primary one) is an option before the keys have arrived.
    const all = metric === null || known.includes(metric) ? known : [metric, ...known];
    return all.map((key) => ({ value: key, label: key }));
  }, [keys.data, metric]);

  const serverProblem = filterProblemOf(error);
  const onCommitFilter = useCallback((filter: string) => update({ filter }), [update]);

  if (projectQuery.isError) return <p className="error">{errorMessage(projectQuery.error)}</p>;
  return (
    <section className="runs-page">
      <h1>
        <Link href={routePath({ page: 'project', project })}>{project}</Link> · runs
      </h1>
      <div className="runs-toolbar">
        <RunsFilter filter={view.filter} onCommit={onCommitFilter} serverProblem={serverProblem} />
        <ColumnPicker
          keys={keys.data}
          chosen={view.columns}
          onToggle={(id) => update({ columns: toggled(view.columns, id) })}
        />
        <KeySelect
          label="Group by"
          data-testid="group-by"
          value={view.group ?? ''}
          empty="(none)"
          options={groupOptions}
          onChange={(group) => update({ group: group || null })}
        />
        <button
          type="button"
          data-testid="compare-selected"
          disabled={view.selected.length < 1}
          onClick={() => navigate(compareRunsHref(view.selected, metric))}
        >
          Compare {view.selected.length > 0 ? view.selected.length : ''} selected
        </button>
        <span className="runs-count">
          <span data-testid="runs-count">{plural(table.rows, 'run')}</span>
          {loading ? <span className="muted"> · loading…</span> : null}
        </span>
      </div>
      {error !== null && serverProblem === null ? <p className="error">{errorMessage(error)}</p> : null}
      <RunsGrid
        table={table}
        items={items}
        columns={[...FIXED_COLUMNS.map((c) => c.id), ...view.columns]}
        sort={view.sort}
        onSort={(column) => update({ sort: nextSort(view.sort, column) })}
        selected={selected}
        onToggleSelect={(runId) => update({ selected: toggled(view.selected, runId) }, { replace: true })}
        onOpen={(row) => navigate(runHref(table.trial[row] ?? null, table.runId[row]!))}
        hrefOf={(row) => runHref(table.trial[row] ?? null, table.runId[row]!)}
        expanded={expanded}
        onToggleGroup={(value) => setExpanded(new Set(toggled([...expanded], value)))}
        metric={metric}
      />
      <div className="runs-chart" data-testid="runs-chart">
        <div className="chart-heading">
          <KeySelect
            label="Metric"
            value={metric ?? ''}
            options={metricOptions}
            onChange={(key) => update({ metric: key || null, chart: { ...view.chart, zoom: null } })}
          />
          <span className="muted">
            {view.selected.length > 0
              ? `${chartRuns.length} selected runs`
              : `first ${chartRuns.length} runs (select runs to chart them)`}
          </span>
          <ChartViewControls view={view.chart} onChange={(chart) => update({ chart }, { replace: true })} />
        </div>
        {metric === null ? (
          <p className="muted">No metrics logged yet.</p>
        ) : !tableAnswered ? (
          // The chart starts once the first rows are in: its set-up should not delay them.
          <p className="muted">Loading…</p>
        ) : (
          <MetricChart
            runs={chartRuns}
            metric={metric}
            x={view.chart.x}
            log={view.chart.log}
            smoothing={view.chart.smoothing}
            zoom={view.chart.zoom}
            onZoom={(zoom) => update({ chart: { ...view.chart, zoom } })}
          />
        )}
      </div>
    </section>
  );
}
