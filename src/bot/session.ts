import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Conversation context per (group, person) — or per GraphQL `sessionId` — kept for a while so that follow-ups
 * (「那施集镇呢」, 「2021年呢」) and numbered answers (「1」) continue the previous question.
 *
 * Where it is kept is the store's business: in this process's memory (the CLI chat, the Wechaty bot), or in
 * PostgreSQL (the server: several `nianbao serve` processes on one database continue each other's conversations;
 * src/app wires that one in). The state is plain JSON.
 */
export interface SessionStore<T> {
  /** The state of a live session, or undefined (never seen, or expired). */
  get(id: string): Promise<T | undefined>;
  /** Writes the state; the session lives `ttl` from this write. */
  set(id: string, value: T): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface SessionStoreOptions {
  ttlMs?: number;
  maxSessions?: number;
  now?: () => number;
}

export const DEFAULT_SESSION_TTL_MS = 10 * 60_000;

/** In memory, least recently used dropped past `maxSessions` (lru-cache), each entry expiring `ttlMs` after its last write. */
export class MemorySessionStore<T extends object> implements SessionStore<T> {
  private readonly entries: LRUCache<string, { value: T; expires: number }>;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.entries = new LRUCache({ max: options.maxSessions ?? 10_000 });
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  async get(id: string): Promise<T | undefined> {
    const entry = this.entries.get(id);
    if (entry && entry.expires <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry?.value;
  }

  async set(id: string, value: T): Promise<void> {
    this.entries.set(id, { value, expires: this.now() + this.ttlMs });
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }
}

/**
 * A session id the server issues: 144 random bits, URL-safe. Clients cannot choose ids, so an id that was never
 * issued (or has expired) never continues anyone's conversation.
 */
export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}
