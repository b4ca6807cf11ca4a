/**
 * A counted capacity (bytes, or request slots) shared by the requests in flight. One request is always
 * admitted when nothing else holds any, so a request larger than the whole capacity is slow, not refused
 * forever.
 */
export class Capacity {
  private held = 0;

  constructor(readonly limit: number) {}

  tryTake(amount: number): boolean {
    if (this.held > 0 && this.held + amount > this.limit) return false;
    this.held += amount;
    return true;
  }

  give(amount: number): void {
    this.held -= amount;
  }
}
