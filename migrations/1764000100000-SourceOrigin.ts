import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a source came from (issue 11: web addresses; issue 10: hints): the address of its bytes, the wrapper page
 * that linked to it, when it was fetched, and the hints it was parsed with (so that reparse reads it the same way).
 * All nullable: sources ingested before keep NULL.
 */
export class SourceOrigin1764000100000 implements MigrationInterface {
  name = 'SourceOrigin1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "report_sources" ADD "url" character varying(2000), ADD "page_url" character varying(2000),
         ADD "fetched_at" TIMESTAMP WITH TIME ZONE, ADD "hints" jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "report_sources" DROP COLUMN "hints", DROP COLUMN "fetched_at", DROP COLUMN "page_url", DROP COLUMN "url"`);
  }
}
