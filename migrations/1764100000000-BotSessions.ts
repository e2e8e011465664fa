import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversation state of `ask(sessionId)` (issue 15, scale out): in PostgreSQL, so that several server processes on one
 * database continue each other's conversations. UNLOGGED: a follow-up's context is worth no WAL and no replica copy
 * (a crash empties the table; a conversation then starts afresh). Rows expire: readers ignore them after
 * `expires_at`, writers delete expired rows now and then. Not an entity: only db/queries/sessions.ts reads it.
 */
export class BotSessions1764100000000 implements MigrationInterface {
  name = 'BotSessions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE "bot_sessions" (
      "id" character varying(200) PRIMARY KEY,
      "state" jsonb NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL)`);
    await q.query(`CREATE INDEX "idx_bot_sessions_expires" ON "bot_sessions" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bot_sessions"`);
  }
}
