/**
 * Conversation context per (group, person) — or per GraphQL `sessionId` — kept for a while so that follow-ups
 * (「那施集镇呢」, 「2021年呢」) and numbered answers (「1」) continue the previous question.
 */

export interface SessionStoreOptions {
  ttlMs?: number;
  maxSessions?: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  touched: number;
}

export class SessionStore<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxSessions = options.maxSessions ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(id: string): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.touched > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  set(id: string, value: T): void {
    this.entries.delete(id); // re-insert: Map order is then least recently used first
    this.entries.set(id, { value, touched: this.now() });
    while (this.entries.size > this.maxSessions) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
