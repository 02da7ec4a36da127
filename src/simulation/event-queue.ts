/**
 * Priority queue of future simulation events, ordered by simulated time and, for
 * equal times, by insertion order (so runs are deterministic). A binary heap over
 * reusable slots: pushing and popping allocate nothing once the queue has grown.
 */
export class EventQueue<T> {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private auxes: Float64Array;
  private refs: (T | undefined)[];
  private heap: Int32Array;
  private free: number[] = [];
  private count = 0;
  private nextSlot = 0;
  private seq = 0;

  constructor(capacity = 64) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.auxes = new Float64Array(capacity);
    this.refs = new Array<T | undefined>(capacity);
    this.heap = new Int32Array(capacity);
  }

  /** Number of queued events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when the queue is empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[this.heap[0]!]!;
  }

  /** Queues an event of `kind` about `ref` at `time`; `aux` carries one extra number. */
  push(time: number, kind: number, ref: T, aux = 0): void {
    const slot = this.free.length > 0 ? this.free.pop()! : this.allocate();
    this.times[slot] = time;
    this.seqs[slot] = this.seq++;
    this.kinds[slot] = kind;
    this.auxes[slot] = aux;
    this.refs[slot] = ref;
    let i = this.count++;
    const heap = this.heap;
    heap[i] = slot;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(slot, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = slot;
  }

  /**
   * Removes the earliest event and returns its slot; read it with time(), kind(),
   * aux() and ref() before the next push. Returns -1 when the queue is empty.
   */
  pop(): number {
    if (this.count === 0) return -1;
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.count]!;
    if (this.count > 0) {
      let i = 0;
      const n = this.count;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && this.before(heap[right]!, heap[left]!) ? right : left;
        if (!this.before(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    this.free.push(top);
    return top;
  }

  /** Simulated time of a popped slot. */
  time(slot: number): number {
    return this.times[slot]!;
  }

  /** Event kind of a popped slot. */
  kind(slot: number): number {
    return this.kinds[slot]!;
  }

  /** Extra number of a popped slot. */
  aux(slot: number): number {
    return this.auxes[slot]!;
  }

  /** Subject of a popped slot; the reference is released so it can be collected. */
  ref(slot: number): T {
    const value = this.refs[slot]!;
    this.refs[slot] = undefined;
    return value;
  }

  /** Empties the queue, keeping its capacity. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.refs[this.heap[i]!] = undefined;
    this.count = 0;
    this.nextSlot = 0;
    this.free.length = 0;
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private allocate(): number {
    if (this.nextSlot === this.times.length) this.grow();
    return this.nextSlot++;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const copy = <A extends Float64Array | Int32Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.times = copy(this.times, new Float64Array(size));
    this.seqs = copy(this.seqs, new Float64Array(size));
    this.kinds = copy(this.kinds, new Int32Array(size));
    this.auxes = copy(this.auxes, new Float64Array(size));
    this.heap = copy(this.heap, new Int32Array(size));
    this.refs.length = size;
  }
}
