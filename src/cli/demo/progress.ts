/** A phase of the demo and how long it took, for the closing timings. */
export interface PhaseTime {
  phase: string;
  seconds: number;
}

/** Progress lines while the demo runs, and each phase's wall time. */
export class Progress {
  readonly phases: PhaseTime[] = [];

  constructor(private readonly write: (line: string) => void) {}

  /** Says what starts, runs it, then says how it ended (`outcome` of its result) and how long it took. */
  async step<T>(
    phase: string,
    what: string,
    work: () => Promise<T>,
    outcome: (done: T) => string,
  ): Promise<T> {
    this.write(`▸ ${what}`);
    const started = performance.now();
    const done = await work();
    const seconds = (performance.now() - started) / 1000;
    const entry = this.phases.find((p) => p.phase === phase);
    if (entry) entry.seconds += seconds;
    else this.phases.push({ phase, seconds });
    this.write(`  ${outcome(done)}  (${seconds.toFixed(1)} s)`);
    return done;
  }
}
