import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchSeries } from './series-client.js';
import type { SeriesRequest } from './series-request.js';

/** The most runs one series request may name (the endpoint's bound). */
export { MAX_SERIES_RUNS } from '../../../src/contract/series.js';

/**
 * Several runs' bucketed series through TanStack Query (key `['series', …]`, so a live change invalidates
 * it); the previous answer stays on screen while a zoom or a new run set is fetched.
 */
export function useSeries(request: SeriesRequest | null) {
  return useQuery({
    queryKey: ['series', request],
    queryFn: ({ signal }) => fetchSeries(request!, signal),
    enabled: request !== null && request.runs.length > 0 && request.keys.length > 0,
    placeholderData: keepPreviousData,
  });
}
