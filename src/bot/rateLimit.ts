import { LRUCache } from 'lru-cache';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Rate limits per key (a group, a person), counted by rate-limiter-flexible. Past the limit the first message gets a
 * polite notice and the rest are dropped silently until the window has room again, so a flood costs one reply, not
 * hundreds.
 */

export type Admission = 'ok' | 'notify' | 'drop';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Keys that were told they are limited, until they get room again (bounded: a flood of one-off senders). */
const MAX_NOTIFIED = 10_000;

export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterMemory>();
  private readonly notified = new LRUCache<string, true>({ max: MAX_NOTIFIED });

  /**
   * Counts the message against every key, the shared one (a group) first; admitted only when every key has room.
   * Counting is the library's atomic consume (a burst of messages arriving together is counted one by one); a
   * message one key refuses is given back to the keys that had counted it, so it counts for none.
   */
  async admit(keys: { key: string; rule: RateLimit }[]): Promise<Admission> {
    const counted: { key: string; rule: RateLimit }[] = [];
    let blocked: string | null = null;
    for (const k of keys) {
      const ok = await this.limiterOf(k.rule).consume(k.key).then(() => true, () => false);
      if (!ok) {
        blocked = k.key;
        break;
      }
      counted.push(k);
    }
    if (blocked !== null) {
      for (const k of counted) await this.limiterOf(k.rule).reward(k.key, 1);
      if (this.notified.has(blocked)) return 'drop';
      this.notified.set(blocked, true);
      return 'notify';
    }
    for (const { key } of keys) this.notified.delete(key);
    return 'ok';
  }

  private limiterOf(rule: RateLimit): RateLimiterMemory {
    const id = `${rule.limit}/${rule.windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: rule.limit, duration: rule.windowMs / 1000 });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
