import type { Clock } from '../../shared/clock.js';

/**
 * Computed public figures kept briefly in this instance's memory, so an anonymous page (or many
 * at once) cannot make the database recompute them on every request. Each instance keeps its own
 * copy: two instances may show figures up to one lifetime apart, and each says when it was taken.
 * Requests arriving while a figure is computed wait for that one computation.
 */
export class FigureCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly clock: Clock,
    readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs && now >= hit.at) return hit.value as Promise<T>;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = compute();
    this.entries.set(key, { at: now, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
