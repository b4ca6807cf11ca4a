import type { RunTable, TableColumn } from '../core/run-table.js';
import type { Store } from '../store/store.js';
import type { ProjectService } from './projects.js';
import { pageOfFound, type RunPageInput, runPageQuery } from './run-query.js';

export interface RunTableInput extends Omit<RunPageInput, 'projectIds' | 'viewType'> {
  projectId: string;
  columns?: readonly TableColumn[] | undefined;
}

export interface RunTablePage {
  table: RunTable;
  /** `<project>#<number>` of each row's trial, as the notebook names it. */
  trialRefs: (string | null)[];
  nextPageToken?: string;
}

/** A project's active runs as a table: the runs search's filter, order and pages, only the chosen columns. */
export class RunTableService {
  constructor(
    private readonly store: Store,
    private readonly projects: ProjectService,
  ) {}

  async page(input: RunTableInput): Promise<RunTablePage> {
    const project = await this.projects.get(input.projectId);
    const page = runPageQuery({ ...input, projectIds: [project.id] });
    const found = await this.store.runs.table({ ...page.query, columns: input.columns ?? [] });
    const { nextPageToken } = pageOfFound(found.runId, page);
    const table = nextPageToken === undefined ? found : firstRows(found, page.maxResults);
    return {
      table,
      trialRefs: table.trialNumber.map((n) => (n === null ? null : `${project.name}#${n}`)),
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    };
  }
}

function firstRows(table: RunTable, n: number): RunTable {
  return {
    runId: table.runId.slice(0, n),
    name: table.name.slice(0, n),
    status: table.status.slice(0, n),
    startTime: table.startTime.slice(0, n),
    endTime: table.endTime.slice(0, n),
    trialId: table.trialId.slice(0, n),
    trialNumber: table.trialNumber.slice(0, n),
    seed: table.seed.slice(0, n),
    columns: new Map([...table.columns].map(([name, values]) => [name, values.slice(0, n)])),
  };
}
