/**
 * A small in-process cache of computed figures. Every entry carries the data version it was computed from
 * (read from `progress_version` in the database before the data), and is used only while the database still
 * has that version: any write, by any API instance, bumps the version in its own transaction, so a read after
 * a committed write never sees old figures. Concurrent misses for the same key and version share one computation.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) return undefined;
    // Refresh its place: the Map's insertion order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The cached value, or the one `compute` produces (once, however many callers ask at the same time). */
  async getOrCompute(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.get(key, version);
    if (hit !== undefined) return hit;
    const flightKey = `${key}\u0000${version}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const promise = compute()
      .then((value) => {
        this.set(key, version, value);
        return value;
      })
      .finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, promise);
    return promise;
  }

  clear(): void {
    this.entries.clear();
  }
}
