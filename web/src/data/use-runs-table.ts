import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ratchet } from '../api.js';
import { concatTables, emptyTable, fromRunTable, type RunsTable } from './runs-table.js';

/** The first page is small so the table shows at once; the rest arrive in the background in large pages. */
const FIRST_PAGE = 500;
const NEXT_PAGES = 5000;

export interface RunsTableState {
  table: RunsTable;
  /** More pages are still coming. */
  loading: boolean;
  error: Error | null;
}

/**
 * Every run matching the filter, loaded page by page in the background, as one columnar table; the previous
 * rows stay while another filter, sort or column set loads, and when the server refuses it.
 */
export function useRunsTable(
  projectId: string | undefined,
  filter: string,
  orderBy: string | undefined,
  columns: readonly string[],
): RunsTableState {
  const query = useInfiniteQuery({
    queryKey: ['table', projectId, filter, orderBy, columns],
    enabled: projectId !== undefined,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      fromRunTable(
        await ratchet.projects.table(
          { id: projectId! },
          {
            ...(filter === '' ? {} : { filter }),
            ...(orderBy === undefined ? {} : { orderBy: [orderBy] }),
            columns: [...columns],
            maxResults: pageParam === null ? FIRST_PAGE : NEXT_PAGES,
            ...(pageParam === null ? {} : { pageToken: pageParam }),
          },
        ),
      ),
    getNextPageParam: (page) => page.nextPageToken,
    placeholderData: keepPreviousData,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const table = useMemo(
    () =>
      query.data === undefined
        ? null
        : concatTables(
            query.data.pages.map((p) => p.table),
            columns,
          ),
    [query.data, columns],
  );
  // A refused filter keeps the last rows on screen (beside its error), as a filter refused while typing does.
  const [lastShown, setLastShown] = useState(() => emptyTable(columns));
  useEffect(() => {
    if (table !== null) setLastShown(table);
  }, [table]);
  return {
    table: table ?? lastShown,
    loading: query.isPending || query.isPlaceholderData || hasNextPage === true,
    error: query.error,
  };
}
