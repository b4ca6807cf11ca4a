import { useQuery } from '@tanstack/react-query';
import type { TrialCurves } from '../data/curves.js';

export interface CurvesRequest {
  trial: string;
  key: string;
  buckets: number;
  zoom: { from: number; to: number } | null;
}

/**
 * A trial's curves from the server (`GET /api/v1/trials/{trial}/curves`, the band computed there). Fetched
 * directly until the SDK's `ratchet.trials.curves` is on main; then this becomes a call to it.
 */
export function useTrialCurves(request: CurvesRequest | null) {
  return useQuery({
    queryKey: [
      'trial',
      request?.trial,
      'curves',
      request?.key,
      request?.buckets,
      request?.zoom?.from,
      request?.zoom?.to,
    ],
    enabled: request !== null,
    queryFn: async ({ signal }) => {
      const { trial, key, buckets, zoom } = request!;
      const query = new URLSearchParams({ key, buckets: String(buckets) });
      if (zoom) {
        query.set('start_step', String(Math.floor(zoom.from)));
        query.set('end_step', String(Math.ceil(zoom.to)));
      }
      const url = `${window.location.origin}/api/v1/trials/${encodeURIComponent(trial)}/curves?${query}`;
      const response = await fetch(url, { signal });
      const body: unknown = await response.json().catch(() => ({}));
      if (!response.ok) {
        const message = typeof body === 'object' && body !== null && 'message' in body ? body.message : null;
        throw new Error(typeof message === 'string' ? message : `HTTP ${response.status}`);
      }
      return body as TrialCurves;
    },
  });
}
