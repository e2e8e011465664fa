import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bot's agency vocabulary (issue 15, `ask` at once): the usual short forms of each agency's names
 * (沭阳县发展和改革局 → 沭阳县发改局, 县发改局 …), worked out by the parser when ingest writes the agency, so that the
 * graph serves every name and form in one statement and the bot never derives them at start-up. One row per agency,
 * written in the transaction that writes the agency and deleted with it (ON DELETE CASCADE): never stale. Agencies
 * stored before this migration have no row until `nianbao serve` or the next ingest fills it; meanwhile the bot works
 * their forms out itself. Not an entity: only src/ingest writes it and db/queries/vocabulary.ts reads it.
 */
export class AgencyVocabulary1764200000000 implements MigrationInterface {
  name = 'AgencyVocabulary1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "agency_vocabulary" (
      "agency_id" uuid PRIMARY KEY REFERENCES "agencies" ("id") ON DELETE CASCADE,
      "short_names" text[] NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agency_vocabulary"`);
  }
}
