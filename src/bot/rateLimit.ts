/**
 * Sliding-window rate limits per key (a group, a person). Past the limit the first message gets a polite notice and
 * the rest are dropped silently until the window has room again, so a flood costs one reply, not hundreds.
 */

export type Admission = 'ok' | 'notify' | 'drop';

/** Keys kept before idle ones are dropped. */
const MAX_KEYS = 10_000;

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly notified = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts the message against every key; admitted only when every key has room. */
  admit(keys: { key: string; rule: RateLimit }[]): Admission {
    const t = this.now();
    if (this.hits.size > MAX_KEYS) this.prune(t, keys[0]?.rule.windowMs ?? 60_000);
    let blocked: string | null = null;
    for (const { key, rule } of keys) {
      const recent = this.recent(key, rule, t);
      if (recent.length >= rule.limit) blocked ??= key;
    }
    if (blocked) {
      if (this.notified.has(blocked)) return 'drop';
      this.notified.add(blocked);
      return 'notify';
    }
    for (const { key } of keys) {
      this.hits.get(key)?.push(t);
      this.notified.delete(key);
    }
    return 'ok';
  }

  /** One-off askers must not accumulate forever: drop keys with no hit in the last window. */
  private prune(t: number, windowMs: number): void {
    for (const [key, list] of this.hits) {
      if (list.length === 0 || t - list[list.length - 1] >= windowMs) {
        this.hits.delete(key);
        this.notified.delete(key);
      }
    }
  }

  private recent(key: string, rule: RateLimit, t: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((x) => t - x < rule.windowMs);
    this.hits.set(key, list);
    if (list.length === 0) this.notified.delete(key);
    return list;
  }
}
