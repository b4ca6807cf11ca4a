/**
 * A root of an increasing-ish f, searched upwards from lo: hi doubles until f(hi) ≥ 0, then Brent's method
 * on [lo, hi]. Needs f(lo) < 0; Infinity when no finite hi reaches f(hi) ≥ 0.
 */
export function rootByDoubling(f: (x: number) => number, lo: number, hi: number): number {
  let below = lo;
  let above = hi;
  while (f(above) < 0) {
    below = above;
    above *= 2;
    if (!Number.isFinite(above)) return Number.POSITIVE_INFINITY;
  }
  return findRoot(f, below, above);
}

/**
 * A root of an increasing f at or above `min` (where f(min) < 0), searched around a guess: the bracket starts at
 * [guess/2, guess] and widens by halving and doubling until it holds the root, so a good guess costs a few
 * evaluations where doubling up from `min` costs log2(root/min) more. Infinity when no finite x reaches f ≥ 0.
 */
export function rootNear(f: (x: number) => number, guess: number, min: number): number {
  let lo = Math.max(min, guess / 2);
  while (lo > min && f(lo) >= 0) lo = Math.max(min, lo / 2);
  return rootByDoubling(f, lo, Math.max(guess, 2 * lo));
}

/** Brent's method for a root of f bracketed by f(lo) < 0 ≤ f(hi). */
export function findRoot(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < 200; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-12;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or secant when only two points are distinct.
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
