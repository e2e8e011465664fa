/**
 * Sliding-window rate limits per key (a group, a person). Past the limit the first message gets a polite notice and
 * the rest are dropped silently until the window has room again, so a flood costs one reply, not hundreds.
 */

export type Admission = 'ok' | 'notify' | 'drop';

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

  private recent(key: string, rule: RateLimit, t: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((x) => t - x < rule.windowMs);
    this.hits.set(key, list);
    if (list.length === 0) this.notified.delete(key);
    return list;
  }
}
