import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/simulation/event-queue';
import { createRandom } from '../../../src/simulation/random';

describe('event queue', () => {
  it('given events pushed out of order, when popping, then they come in time order and equal times in insertion order', () => {
    const q = new EventQueue<string>(2);
    q.push(5, 0, 'late');
    q.push(1, 0, 'first');
    q.push(3, 0, 'tie-a');
    q.push(3, 1, 'tie-b', 7);
    q.push(3, 0, 'tie-c');
    const out: string[] = [];
    for (let slot = q.pop(); slot >= 0; slot = q.pop()) {
      const ref = q.ref(slot);
      if (ref === 'tie-b') expect([q.kind(slot), q.aux(slot)]).toEqual([1, 7]);
      out.push(`${q.time(slot)}:${ref}`);
    }
    expect(out).toEqual(['1:first', '3:tie-a', '3:tie-b', '3:tie-c', '5:late']);
  });

  it('given thousands of random times interleaved with pops, then every pop returns the current minimum', () => {
    const q = new EventQueue<number>();
    const r = createRandom(5);
    const shadow: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(r.next() * 1000);
      q.push(t, 0, t);
      shadow.push(t);
      if (i % 3 === 2) {
        shadow.sort((a, b) => a - b);
        expect(q.peekTime()).toBe(shadow[0]);
        expect(q.time(q.pop())).toBe(shadow.shift());
      }
    }
    expect(q.size).toBe(shadow.length);
  });

  it('reports an empty queue as Infinity / -1 and can be cleared', () => {
    const q = new EventQueue<number>();
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBe(-1);
    q.push(1, 0, 1);
    q.clear();
    expect(q.size).toBe(0);
  });
});
