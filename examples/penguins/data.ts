import { readFileSync } from 'node:fs';

export const SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'] as const;
export const MEASUREMENTS = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

export interface Penguin {
  /** Row number in penguins.csv: the example id for per-example comparisons. */
  id: number;
  species: number;
  measurements: Record<Measurement, number>;
}

/** The birds with every measurement present (342 of 344). */
export function loadPenguins(): Penguin[] {
  const [header, ...lines] = readFileSync(new URL('penguins.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const columns = header!.split(',');
  return lines.flatMap((line, id) => {
    const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell]));
    if (MEASUREMENTS.some((m) => cells[m] === '')) return [];
    return [
      {
        id,
        species: SPECIES.indexOf(cells.species as (typeof SPECIES)[number]),
        measurements: Object.fromEntries(MEASUREMENTS.map((m) => [m, Number(cells[m])])) as Record<
          Measurement,
          number
        >,
      },
    ];
  });
}

/** A seeded PRNG (mulberry32): every seed gives its own split, initialisation and shuffling. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A random 70/30 split; the seed decides which birds are held out. */
export function split(penguins: readonly Penguin[], seed: number): { train: Penguin[]; test: Penguin[] } {
  const order = shuffled(penguins, random(seed * 7919 + 1));
  const cut = Math.round(order.length * 0.7);
  return { train: order.slice(0, cut), test: order.slice(cut) };
}
