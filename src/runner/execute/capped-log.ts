/**
 * A child's output kept for the run's artifacts, bounded: the head (how it started) and the tail (how it
 * ended, usually where the error is), with the middle dropped and counted when the output is longer.
 */
export class CappedLog {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private dropped = 0;

  constructor(
    private readonly headLimit = 1 << 20,
    private readonly tailLimit = 3 << 20,
  ) {}

  write(chunk: Buffer): void {
    if (this.headBytes < this.headLimit) {
      const take = chunk.subarray(0, this.headLimit - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes > this.tailLimit) {
      const first = this.tail[0]!;
      const excess = this.tailBytes - this.tailLimit;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
        this.dropped += first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
        this.dropped += excess;
      }
    }
  }

  get empty(): boolean {
    return this.headBytes === 0;
  }

  contents(): Uint8Array<ArrayBuffer> {
    const gap = this.dropped > 0 ? [Buffer.from(`\n… ${this.dropped} bytes left out by the runner …\n`)] : [];
    const joined = Buffer.concat([...this.head, ...gap, ...this.tail]);
    return new Uint8Array(joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length));
  }
}
