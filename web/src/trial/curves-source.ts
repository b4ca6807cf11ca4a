import { useQuery } from '@tanstack/react-query';
import { ratchet } from '../api.js';

export interface CurvesRequest {
  trial: string;
  key: string;
  buckets: number;
  zoom: { from: number; to: number } | null;
}

/**
 * A trial's curves (`ratchet.trials.curves`: the seeds' buckets on a shared grid and their mean with its
 * t-based band, computed on the server), re-bucketed from the server for a zoomed step range.
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
    queryFn: () => {
      const { trial, key, buckets, zoom } = request!;
      return ratchet.trials.curves(trial, {
        key,
        buckets,
        ...(zoom === null ? {} : { startStep: Math.floor(zoom.from), endStep: Math.ceil(zoom.to) }),
      });
    },
  });
}
