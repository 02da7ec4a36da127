/**
 * The people of the capacity simulation: one queue per pool, ordered by priority and
 * then by the time a step was enabled (FIFO), and a count of busy people. A step that
 * finds someone free starts at once; its work runs on the pool's calendar, pausing
 * outside working hours. Every execution is measured: waiting for a free person,
 * off-calendar time, working hours and cost.
 */
import { EV_ACTIVITY_DONE, type ActivityInstance, type CapacityHook, type Engine } from '../engine';
import type { Random } from '../random';
import type { WorkingTime } from './calendar';
import { sample, type Sampler } from './distributions';

/** One pool at run time. */
export interface PoolRuntime {
  readonly capacity: number;
  readonly calendar: WorkingTime;
  readonly costPerHour: number;
  busy: number;
  /** Working hours done. */
  busyHours: number;
  /** Working hours requested (enabled executions), for the load check. */
  demandHours: number;
  executions: number;
  waitSum: number;
  maxQueue: number;
}

interface QueueEntry {
  ai: ActivityInstance;
  hours: number;
  enabled: number;
  priority: number;
  seq: number;
}

/** Per activity node, summed over the run. */
export interface TaskTotals {
  count: Float64Array;
  waiting: Float64Array;
  processing: Float64Array;
  offCalendar: Float64Array;
  cost: Float64Array;
}

export class Resources implements CapacityHook {
  readonly poolOf: Int32Array;
  readonly totals: TaskTotals;
  /** Arrivals, starts and completions. */
  events = 0;
  private readonly queues: QueueEntry[][];
  private seq = 0;
  /** A person was freed or a step queued since the last dispatch. */
  private dirty = false;

  constructor(
    readonly pools: PoolRuntime[],
    poolOf: Int32Array,
    private readonly samplers: Array<Sampler | null>,
    private readonly priority: Float64Array,
    private readonly fixedCost: Float64Array,
    private readonly random: Random
  ) {
    this.poolOf = poolOf;
    this.queues = pools.map(() => []);
    const n = poolOf.length;
    this.totals = { count: new Float64Array(n), waiting: new Float64Array(n), processing: new Float64Array(n), offCalendar: new Float64Array(n), cost: new Float64Array(n) };
  }

  hoursOf(node: number): number {
    const s = this.samplers[node];
    return s ? sample(s, this.random) : NaN;
  }

  request(engine: Engine, ai: ActivityInstance, hours: number): void {
    const n = ai.node.index;
    const p = this.poolOf[n]!;
    const pool = this.pools[p]!;
    pool.demandHours += hours;
    const queue = this.queues[p]!;
    if (pool.busy < pool.capacity && queue.length === 0 && !this.dirty) {
      this.start(engine, p, ai, hours, engine.now, engine.now);
      return;
    }
    heapPush(queue, { ai, hours, enabled: engine.now, priority: this.priority[n]!, seq: this.seq++ });
    if (queue.length > pool.maxQueue) pool.maxQueue = queue.length;
    this.dirty = true;
  }

  release(_engine: Engine, p: number, _time: number): void {
    this.pools[p]!.busy--;
    this.events++;
    this.dirty = true;
  }

  dispatch(engine: Engine, time: number): void {
    if (!this.dirty) return;
    this.dirty = false;
    for (let p = 0; p < this.pools.length; p++) {
      const pool = this.pools[p]!;
      const queue = this.queues[p]!;
      while (queue.length > 0 && pool.busy < pool.capacity) {
        const next = heapPop(queue);
        // Withdrawn while waiting (interrupted, or its case ended): nobody's time is taken.
        if (next.ai.done || next.ai.token.c.over) continue;
        this.start(engine, p, next.ai, next.hours, next.enabled, time);
      }
    }
  }

  private start(engine: Engine, p: number, ai: ActivityInstance, hours: number, enabled: number, now: number): void {
    const pool = this.pools[p]!;
    pool.busy++;
    this.events++;
    const calendar = pool.calendar;
    const done = calendar.addWorking(now, hours);
    // Waiting for a free person counts the pool's working hours only; the rest of the time
    // from enabled to done, beyond the work itself, the people were off duty.
    const waited = now > enabled ? calendar.workingBetween(enabled, now) : 0;
    const gap = done - enabled - hours - waited;
    // Rounding of the interval bounds aside, work on an open calendar is never off-calendar.
    const off = gap > 1e-9 ? gap : 0;
    const n = ai.node.index;
    const c = ai.token.c;
    const cost = hours * pool.costPerHour + this.fixedCost[n]!;
    c.waited += waited;
    c.offCalendar += off;
    c.cost += cost;
    const t = this.totals;
    t.count[n]!++;
    t.waiting[n]! += waited;
    t.processing[n]! += hours;
    t.offCalendar[n]! += off;
    t.cost[n]! += cost;
    pool.busyHours += hours;
    pool.executions++;
    pool.waitSum += waited;
    engine.queue.push(done, EV_ACTIVITY_DONE, ai, p + 1);
  }
}

// A binary heap on (higher priority, earlier enabled, earlier request).
function before(a: QueueEntry, b: QueueEntry): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.enabled !== b.enabled) return a.enabled < b.enabled;
  return a.seq < b.seq;
}

function heapPush(h: QueueEntry[], e: QueueEntry): void {
  let i = h.length;
  h.push(e);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(e, h[parent]!)) break;
    h[i] = h[parent]!;
    i = parent;
  }
  h[i] = e;
}

function heapPop(h: QueueEntry[]): QueueEntry {
  const top = h[0]!;
  const last = h.pop()!;
  const n = h.length;
  if (n > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[m]!, last)) break;
      h[i] = h[m]!;
      i = m;
    }
    h[i] = last;
  }
  return top;
}
