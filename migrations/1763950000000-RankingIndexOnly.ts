import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rankings read their window from the index alone (issue 5): `idx_cells_key_region` also carries the cell id, the
 * tie-break of the ranking order, so the top rows of a province are chosen without visiting the ~1,500 table rows of
 * the key (each on its own page: cells are stored report by report); only the page's rows are then read.
 */
export class RankingIndexOnly1763950000000 implements MigrationInterface {
  name = 'RankingIndexOnly1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "idx_cells_key_region"`);
    await q.query(
      `CREATE INDEX "idx_cells_key_region" ON "cells" ("key", "year", "region_code" varchar_pattern_ops) INCLUDE ("value", "id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "idx_cells_key_region"`);
    await q.query(
      `CREATE INDEX "idx_cells_key_region" ON "cells" ("key", "year", "region_code" varchar_pattern_ops) INCLUDE ("value")`,
    );
  }
}
