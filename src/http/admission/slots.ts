/**
 * Request slots with a bounded queue: a request takes a free slot at once, or waits its turn (first come,
 * first served) for up to the wait; it is turned away when the wait runs out or the queue is full. A waiting
 * request has not been read, so it holds a socket but none of the server's memory: a burst of short requests
 * (200 predictions at once) is served in turn instead of refused.
 */
export class Slots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    private readonly queueLimit: number,
  ) {}

  /** True once the caller holds a slot (give it back with `release`); false when none came in time. */
  acquire(waitMs: number): Promise<boolean> {
    if (this.busy < this.limit && this.waiting.length === 0) {
      this.busy++;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.queueLimit || waitMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const handOver = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(handOver), 1);
        resolve(false);
      }, waitMs);
      this.waiting.push(handOver);
    });
  }

  /** The slot goes to the longest waiting request, if any (it stays busy), else it is free again. */
  release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.busy--;
    else next();
  }
}
