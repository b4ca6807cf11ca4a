import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('hands a released slot to the longest waiting request, in order', async () => {
    const slots = new Slots(1, 4);
    expect(await slots.acquire(1000)).toBe(true);
    const order: number[] = [];
    const first = slots.acquire(1000).then((ok) => order.push(1) && ok);
    const second = slots.acquire(1000).then((ok) => order.push(2) && ok);
    slots.release();
    expect(await first).toBe(true);
    slots.release();
    expect(await second).toBe(true);
    expect(order).toEqual([1, 2]);
    slots.release();
    expect(await slots.acquire(0)).toBe(true);
  });

  it('turns a request away when its wait runs out or the queue is full, and forgets it', async () => {
    const slots = new Slots(1, 1);
    expect(await slots.acquire(0)).toBe(true);
    expect(await slots.acquire(0)).toBe(false);
    const waiting = slots.acquire(20);
    expect(await slots.acquire(1000)).toBe(false); // the queue (1) is full
    expect(await waiting).toBe(false); // its wait ran out
    slots.release();
    expect(await slots.acquire(0)).toBe(true); // the timed-out waiter did not keep the slot
  });
});
