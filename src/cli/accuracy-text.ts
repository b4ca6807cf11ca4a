import { formatNumber } from '../core/format.js';

export const intervalText = ([low, high]: readonly [number, number]) =>
  `[${formatNumber(low, 3)}, ${formatNumber(high, 3)}]`;

/** An accuracy with its 95% interval, as `0.71 [0.66, 0.76]`. */
export const accuracyText = (a: { labelled: number; accuracy: number; ci: [number, number] }) =>
  a.labelled === 0 ? 'no labels' : `${formatNumber(a.accuracy, 3)} ${intervalText(a.ci)}`;
