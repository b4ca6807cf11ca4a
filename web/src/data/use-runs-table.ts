import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ratchet } from '../api.js';
import { type ConcatCache, concatMore, emptyTable, fromRunTable, type RunsTable } from './runs-table.js';

/** The first page is small so the table shows at once; the rest arrive in the background in large pages. */
const FIRST_PAGE = 500;
const NEXT_PAGES = 5000;

export interface RunsTableState {
  table: RunsTable;
  /** More pages are still coming. */
  loading: boolean;
  /** The first page has answered (or failed): what can wait for the first rows may start. */
  settled: boolean;
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
    // Pages are never refetched in place: comparing 50,000 rows deeply on every page's arrival is wasted work.
    structuralSharing: false,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const concatenated = useRef<ConcatCache | null>(null);
  const table = useMemo(() => {
    if (query.data === undefined) return null;
    concatenated.current = concatMore(
      concatenated.current,
      query.data.pages.map((p) => p.table),
      columns,
    );
    return concatenated.current.table;
  }, [query.data, columns]);
  // A refused filter keeps the last rows on screen (beside its error), as a filter refused while typing does.
  const [lastShown, setLastShown] = useState(() => emptyTable(columns));
  useEffect(() => {
    if (table !== null) setLastShown(table);
  }, [table]);
  return {
    table: table ?? lastShown,
    loading: query.isPending || query.isPlaceholderData || hasNextPage === true,
    settled: query.isFetched || query.isError,
    error: query.error,
  };
}
