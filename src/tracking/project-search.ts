import { LIMITS } from '../core/limits.js';
import type { Project } from '../core/project.js';
import {
  experimentFilterSchema,
  type OrderBy,
  type Page,
  pageOf,
  parseFilter,
  parseOrderBy,
  type SearchRecord,
  selectMatching,
} from '../core/query/index.js';
import type { ViewType } from '../core/view-type.js';
import type { Store } from '../store/store.js';

export interface ProjectSearchInput {
  /** The query language over `name`, `creation_time`, `last_update_time` and `tags.<key>`. */
  filter?: string | undefined;
  orderBy?: string[];
  viewType?: ViewType | undefined;
  maxResults?: number | undefined;
  pageToken?: string | undefined;
}

/** MLflow's SQL store order after the requested one: newest first, then by id. */
const TIE_BREAKERS: readonly OrderBy[] = [
  { entity: 'attribute', key: 'creation_time', ascending: false },
  { entity: 'attribute', key: 'experiment_id', ascending: true },
];

/** Projects are few, so they are searched in memory with the query language's evaluator and sorter. */
export async function searchProjects(store: Store, input: ProjectSearchInput): Promise<Page<Project>> {
  const found = selectMatching(await store.projects.list(input.viewType), {
    filter: parseFilter(input.filter, experimentFilterSchema),
    orderBy: [...parseOrderBy(input.orderBy ?? [], experimentFilterSchema), ...TIE_BREAKERS],
    toRecord: projectRecord,
  });
  return pageOf(found, {
    maxResults: input.maxResults ?? 1000,
    pageToken: input.pageToken,
    limit: LIMITS.searchMaxResults,
  });
}

function projectRecord(project: Project): SearchRecord {
  return {
    info: {
      name: project.name,
      creation_time: project.creationTime,
      last_update_time: project.lastUpdateTime,
      experiment_id: Number(project.id),
    },
    tags: project.tags,
  };
}
