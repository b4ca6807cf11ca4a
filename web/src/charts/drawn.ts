/**
 * What the chart draws for one series or band, point by point: x, the line's y, and the interval shaded
 * around it (a bucket's min..max, or a band's lower..upper). NaN is a gap.
 */
export interface Drawn {
  xs: Float64Array;
  ys: Float64Array;
  lows: Float64Array;
  highs: Float64Array;
}
