import type { Run } from '../../../src/sdk/index.js';
import { ratchet } from '../api.js';
import { KEY_KINDS, parseColumn } from './columns.js';
import { getJson, isMissingEndpoint } from './http.js';
import { type Cell, fromWireTable, type RunsTablePage, type WireRunsTable } from './runs-table.js';

export interface TableQuery {
  projectId: string;
  filter: string;
  orderBy: string | undefined;
  columns: readonly string[];
  pageSize: number;
  pageToken: string | null;
}

/** One page of the runs table, only the chosen columns (`GET /api/v1/projects/{id}/table`). */
export async function fetchTablePage(query: TableQuery): Promise<RunsTablePage> {
  try {
    const wire = await getJson<WireRunsTable>(
      `/api/v1/projects/${encodeURIComponent(query.projectId)}/table`,
      {
        filter: query.filter || undefined,
        order_by: query.orderBy,
        columns: query.columns.join(',') || undefined,
        max_results: String(query.pageSize),
        page_token: query.pageToken ?? undefined,
      },
    );
    return fromWireTable(wire);
  } catch (error) {
    if (isMissingEndpoint(error)) return tablePageFromSearch(query);
    throw error;
  }
}

export interface ProjectKeys {
  params: string[];
  metrics: string[];
  tags: string[];
}

/** Every param, metric and tag key of the project's runs (`GET /api/v1/projects/{id}/keys`). */
export async function fetchProjectKeys(projectId: string): Promise<ProjectKeys> {
  try {
    return await getJson<ProjectKeys>(`/api/v1/projects/${encodeURIComponent(projectId)}/keys`);
  } catch (error) {
    if (!isMissingEndpoint(error)) throw error;
    const { runs } = await ratchet.runs.search({ id: projectId }, { maxResults: 1000 });
    const keys = (pick: (run: Run) => object) =>
      [...new Set(runs.flatMap((r) => Object.keys(pick(r))))].sort();
    return { params: keys((r) => r.params), metrics: keys((r) => r.metrics), tags: keys((r) => r.tags) };
  }
}

/** Stand-in for a server without the table endpoint yet: the run search, turned into columns here. */
async function tablePageFromSearch(query: TableQuery): Promise<RunsTablePage> {
  const page = await ratchet.runs.search(
    { id: query.projectId },
    {
      ...(query.filter === '' ? {} : { filter: query.filter }),
      ...(query.orderBy === undefined ? {} : { orderBy: [query.orderBy] }),
      maxResults: Math.min(query.pageSize, 1000),
      ...(query.pageToken === null ? {} : { pageToken: query.pageToken }),
    },
  );
  const { runs } = page;
  const columns: Record<string, Cell[]> = {};
  for (const id of query.columns) {
    const column = parseColumn(id);
    if (column === null || !KEY_KINDS.includes(column.kind)) continue;
    columns[id] = runs.map((run) =>
      column.kind === 'metrics'
        ? (run.metrics[column.key]?.value ?? null)
        : (run[column.kind][column.key] ?? null),
    );
  }
  return {
    table: {
      rows: runs.length,
      runId: runs.map((r) => r.id),
      name: runs.map((r) => r.name),
      status: runs.map((r) => r.status),
      startTime: runs.map((r) => r.start_time),
      endTime: runs.map((r) => r.end_time),
      trial: runs.map((r) => r.trial_id),
      seed: runs.map((r) => r.seed),
      columns,
    },
    nextPageToken: page.nextPageToken,
  };
}
