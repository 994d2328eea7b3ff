// A list that grows by whole pages: each page is kept as it arrived (no copy per page), so a million-key
// folder costs the same per page at the end as at the start.

export class Chunked<T> {
  private readonly chunks: T[][] = [];
  private readonly starts: number[] = [];
  length = 0;

  push(page: readonly T[]): void {
    if (page.length === 0) return;
    this.starts.push(this.length);
    this.chunks.push(page as T[]);
    this.length += page.length;
  }

  /** The entry at `i` (O(log pages)), or undefined outside 0..length. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo]?.[i - (this.starts[lo] ?? 0)];
  }

  /** Calls `fn` for every entry from `from` on, in order. */
  forEachFrom(from: number, fn: (entry: T, index: number) => void): void {
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] ?? [];
      const start = this.starts[c] ?? 0;
      if (start + chunk.length <= from) continue;
      for (let j = Math.max(0, from - start); j < chunk.length; j++) fn(chunk[j] as T, start + j);
    }
  }

  toArray(): T[] {
    const out: T[] = [];
    this.forEachFrom(0, (e) => out.push(e));
    return out;
  }
}
