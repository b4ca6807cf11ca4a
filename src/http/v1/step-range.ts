import type { StepRange } from '../../tracking/series.js';

/** A request's step bounds as a range; the contract has checked that both or neither are given. */
export function stepRange(bounds: {
  start_step?: number | undefined;
  end_step?: number | undefined;
}): StepRange | undefined {
  return bounds.start_step === undefined || bounds.end_step === undefined
    ? undefined
    : { start: bounds.start_step, end: bounds.end_step };
}
