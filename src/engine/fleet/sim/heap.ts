/**
 * A binary min-heap ordered by a number and then by insertion order, so equal keys come out first in,
 * first out and every run is the same.
 */
export class MinHeap<T> {
  private keys: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(key: number, item: T): void {
    this.keys.push(key);
    this.seqs.push(this.nextSeq++);
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  peekKey(): number {
    return this.items.length ? this.keys[0] : Infinity;
  }

  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0];
    const lastKey = this.keys.pop()!;
    const lastSeq = this.seqs.pop()!;
    const lastItem = this.items.pop()!;
    if (n > 1) {
      this.keys[0] = lastKey;
      this.seqs[0] = lastSeq;
      this.items[0] = lastItem;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    this.keys.length = 0;
    this.seqs.length = 0;
    this.items.length = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka < kb || (ka === kb && this.seqs[a] < this.seqs[b]);
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = k;
    const q = this.seqs[a];
    this.seqs[a] = this.seqs[b];
    this.seqs[b] = q;
    const item = this.items[a];
    this.items[a] = this.items[b];
    this.items[b] = item;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}

/**
 * A min-heap of (key, id, tag) triples in typed arrays, ties broken by the smaller id: no object per
 * entry, no garbage: the flows' next events, each tagged with the version it was scheduled under.
 */
export class TypedHeap {
  private keys = new Float64Array(256);
  private ids = new Int32Array(256);
  private tags = new Int32Array(256);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, id: number, tag = 0): void {
    if (this.size === this.keys.length) this.grow();
    const k = this.keys;
    const d = this.ids;
    const g = this.tags;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p] < key || (k[p] === key && d[p] <= id)) break;
      k[i] = k[p];
      d[i] = d[p];
      g[i] = g[p];
      i = p;
    }
    k[i] = key;
    d[i] = id;
    g[i] = tag;
  }

  peekKey(): number {
    return this.size ? this.keys[0] : Infinity;
  }

  peekId(): number {
    return this.ids[0];
  }

  peekTag(): number {
    return this.tags[0];
  }

  /** Removes the smallest entry and returns its id. */
  pop(): number {
    const k = this.keys;
    const d = this.ids;
    const g = this.tags;
    const top = d[0];
    const n = --this.size;
    if (n <= 0) return top;
    const key = k[n];
    const id = d[n];
    const tag = g[n];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (k[r] < k[l] || (k[r] === k[l] && d[r] < d[l])) ? r : l;
      if (key < k[c] || (key === k[c] && id <= d[c])) break;
      k[i] = k[c];
      d[i] = d[c];
      g[i] = g[c];
      i = c;
    }
    k[i] = key;
    d[i] = id;
    g[i] = tag;
    return top;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const keys = new Float64Array(n);
    keys.set(this.keys);
    const ids = new Int32Array(n);
    ids.set(this.ids);
    const tags = new Int32Array(n);
    tags.set(this.tags);
    this.keys = keys;
    this.ids = ids;
    this.tags = tags;
  }
}
