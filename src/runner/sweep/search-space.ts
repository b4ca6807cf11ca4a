/** A param a sweep tries every listed value of: `--grid lr=0.1,0.01`. */
export interface GridAxis {
  name: string;
  values: string[];
}

/** How a random axis draws its values. `int` is inclusive of both bounds. */
export type Distribution =
  | { kind: 'uniform' | 'loguniform' | 'int'; low: number; high: number }
  | { kind: 'choice'; values: string[] };

/** A param a sweep draws at random for each point: `--random 'wd=loguniform(1e-5,1e-2)'`. */
export interface RandomAxis {
  name: string;
  distribution: Distribution;
}

export interface SearchSpace {
  grid: GridAxis[];
  random: RandomAxis[];
}

/** One point of a sweep: the params it changes, name → value as recorded. */
export type SweepPoint = Record<string, string>;

export function axisNames(space: SearchSpace): string[] {
  return [...space.grid, ...space.random].map((axis) => axis.name);
}
