import type { DataSource } from 'typeorm';
import { DEFAULT_SESSION_TTL_MS, type SessionStore } from '../bot/session';
import { deleteExpiredSessions, deleteSession, loadSession, saveSession } from '../db/queries';

/** Expired rows are deleted by every this-many-th write (reads already ignore them). */
const SWEEP_EVERY = 200;

/**
 * The bot's sessions in PostgreSQL (unlogged table bot_sessions): what `ask(sessionId)` remembers is shared by every
 * server process on the database, so a follow-up may reach any of them.
 */
export class PgSessionStore<T> implements SessionStore<T> {
  private writes = 0;

  constructor(private readonly ds: DataSource, private readonly ttlMs = DEFAULT_SESSION_TTL_MS) {}

  async get(id: string): Promise<T | undefined> {
    return ((await loadSession(this.ds, id)) as T | null) ?? undefined;
  }

  async set(id: string, value: T): Promise<void> {
    await saveSession(this.ds, id, value, this.ttlMs);
    if (++this.writes % SWEEP_EVERY === 0) await deleteExpiredSessions(this.ds);
  }

  async delete(id: string): Promise<void> {
    await deleteSession(this.ds, id);
  }
}
