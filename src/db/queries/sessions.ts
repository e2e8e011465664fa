import type { DataSource } from 'typeorm';
import { executorOf } from './executor';
import { sql } from './sql';

/**
 * Conversation state of the bot's sessions (table bot_sessions, unlogged, migration 1764100000000): shared by every
 * server process on the database. The state is the bot's own JSON; this layer neither reads nor checks it. Always on
 * the primary: an unlogged table is not replicated, and a follow-up must see the state just written.
 */

/** The state of a session that has not expired, or null. */
export async function loadSession(ds: DataSource, id: string): Promise<unknown> {
  const [row] = await executorOf(ds).primaryRows(sql`SELECT state FROM bot_sessions WHERE id = ${id} AND expires_at > now()`);
  return row ? row.state : null;
}

/** Writes (or replaces) a session's state; it expires `ttlMs` after this write. */
export async function saveSession(ds: DataSource, id: string, state: unknown, ttlMs: number): Promise<void> {
  await executorOf(ds).primaryRows(sql`INSERT INTO bot_sessions (id, state, expires_at)
      VALUES (${id}, ${JSON.stringify(state)}::jsonb, now() + ${ttlMs} * interval '1 millisecond')
      ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, expires_at = EXCLUDED.expires_at`);
}

export async function deleteSession(ds: DataSource, id: string): Promise<void> {
  await executorOf(ds).primaryRows(sql`DELETE FROM bot_sessions WHERE id = ${id}`);
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(ds: DataSource): Promise<number> {
  const rows = await executorOf(ds).primaryRows(sql`WITH gone AS (DELETE FROM bot_sessions WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`);
  return rows[0].n as number;
}
