import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of src/entities, plus the indexes TypeORM cannot describe (marked `synchronize: false` there):
 * trigram search on agency names, Chinese full-text search on pre-segmented section words, and region-prefix
 * rankings of one cell key. Index and constraint names match the entities so the schema builder sees no drift.
 */
export class Initial1763790000000 implements MigrationInterface {
  name = 'Initial1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS "pg_trgm"');
    await q.query('CREATE EXTENSION IF NOT EXISTS "pgcrypto"');

    await q.query(
      `CREATE TABLE "regions" ("code" character varying(12) NOT NULL, "name" character varying(64) NOT NULL, "level" character varying(10) NOT NULL, "parent_code" character varying(12), CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))`,
    );
    await q.query(`CREATE INDEX "idx_regions_parent" ON "regions" ("parent_code")`);

    await q.query(
      `CREATE TABLE "agencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "identity" character varying(200) NOT NULL, "name" character varying(100) NOT NULL, "full_name" character varying(200) NOT NULL, "region_code" character varying(12), "region_candidates" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_agencies_identity" ON "agencies" ("identity")`);
    await q.query(`CREATE INDEX "idx_agencies_region" ON "agencies" ("region_code")`);

    await q.query(
      `CREATE TABLE "report_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sha256" character(64) NOT NULL, "file_name" character varying(500) NOT NULL, "encoding" character varying(20) NOT NULL, "content" bytea NOT NULL, "agency_id" uuid, "year" integer, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cef3bf319d22f76e9f1e1876e62" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_report_sources_sha256" ON "report_sources" ("sha256")`);
    await q.query(`CREATE INDEX "idx_report_sources_agency_year" ON "report_sources" ("agency_id", "year")`);

    await q.query(
      `CREATE TABLE "sections" ("id" BIGSERIAL NOT NULL, "report_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "ordinal" smallint NOT NULL, "title" character varying(200) NOT NULL, "text" text NOT NULL, "search_words" text NOT NULL, CONSTRAINT "PK_f9749dd3bffd880a497d007e450" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_sections_report_kind" ON "sections" ("report_id", "kind")`);

    await q.query(
      `CREATE TABLE "checks" ("id" BIGSERIAL NOT NULL, "report_id" uuid NOT NULL, "rule" character varying(40) NOT NULL, "scope" character varying(60) NOT NULL, "description" text NOT NULL, "keys" text array NOT NULL, "passed" boolean, "left" numeric, "right" numeric, CONSTRAINT "PK_5b78bc7432d3654a701ca5f35e5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_checks_report" ON "checks" ("report_id")`);

    await q.query(
      `CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "region_code" character varying(12), "year" integer NOT NULL, "format" character varying(4), "title" character varying(300) NOT NULL, "published_at" date, "source_id" uuid NOT NULL, "parser_version" character varying(20) NOT NULL, "contact" jsonb NOT NULL DEFAULT '{}', "warnings" jsonb NOT NULL DEFAULT '[]', "missing_cells" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_reports_year_region" ON "reports" ("year", "region_code")`);
    await q.query(`CREATE UNIQUE INDEX "uq_reports_agency_year" ON "reports" ("agency_id", "year")`);

    await q.query(
      `CREATE TABLE "cells" ("id" BIGSERIAL NOT NULL, "report_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "table_id" character varying(10) NOT NULL, "row_id" character varying(40) NOT NULL, "col_id" character varying(20) NOT NULL, "raw" text NOT NULL, "value" numeric, "unit" character varying(2) NOT NULL, "line" integer, "year" integer NOT NULL, "region_code" character varying(12), "agency_id" uuid NOT NULL, CONSTRAINT "PK_b9443df02c1a41bc03f264388c8" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_cells_key_year_value" ON "cells" ("key", "year", "value")`);
    await q.query(`CREATE UNIQUE INDEX "uq_cells_report_key" ON "cells" ("report_id", "key")`);

    await q.query(
      `ALTER TABLE "regions" ADD CONSTRAINT "fk_regions_parent" FOREIGN KEY ("parent_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "fk_agencies_region" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "report_sources" ADD CONSTRAINT "fk_report_sources_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sections" ADD CONSTRAINT "fk_sections_report" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "checks" ADD CONSTRAINT "fk_checks_report" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "fk_reports_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "fk_reports_source" FOREIGN KEY ("source_id") REFERENCES "report_sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cells" ADD CONSTRAINT "fk_cells_report" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Indexes the entities cannot express (synchronize: false there).
    await q.query(
      `CREATE INDEX "idx_agencies_name_trgm" ON "agencies" USING gin ("name" gin_trgm_ops, "full_name" gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX "idx_sections_search" ON "sections" USING gin (to_tsvector('simple', "search_words"))`);
    // Rankings within a region: the code prefix (e.g. '36%' for a province) is a range on varchar_pattern_ops;
    // the value is included so the ranking reads the index only.
    await q.query(
      `CREATE INDEX "idx_cells_key_region" ON "cells" ("key", "year", "region_code" varchar_pattern_ops) INCLUDE ("value")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['cells', 'checks', 'sections', 'reports', 'report_sources', 'agencies', 'regions']) {
      await q.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
  }
}
