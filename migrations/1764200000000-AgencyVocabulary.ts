import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bot's agency vocabulary (issue 15, `ask` at once): per agency, its entry of the graph's `agencyVocabulary`
 * payload — the JSON text `[id, name, fullName, regionCode, kind, shortNames]`, the short forms (沭阳县发展和改革局 →
 * 沭阳县发改局, 县发改局 …) worked out by the parser when ingest writes the agency. The graph then serves every agency
 * by concatenating stored texts (no JSON built and no join per request) and the bot derives no forms at start-up. Written in
 * the transaction that writes the agency (the only writer of agencies, src/ingest/writes.ts) and deleted with it
 * (ON DELETE CASCADE): never stale. Agencies stored before this migration have no row until `nianbao serve` or the
 * next ingest fills it; meanwhile their entry is built on the fly and the bot works their forms out itself. Not an
 * entity: only src/ingest writes it and db/queries/vocabulary.ts reads it.
 */
export class AgencyVocabulary1764200000000 implements MigrationInterface {
  name = 'AgencyVocabulary1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "agency_vocabulary" (
      "agency_id" uuid PRIMARY KEY REFERENCES "agencies" ("id") ON DELETE CASCADE,
      "entry" text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "agency_vocabulary"`);
  }
}
