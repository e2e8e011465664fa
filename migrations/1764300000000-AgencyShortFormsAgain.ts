import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parser's short-form rules grew (财金局, 审批局, 管委办, 海坛片区, 上海市府办公厅): stored vocabulary entries were
 * worked out with the older rules. They are dropped here; until `nianbao serve` or the next ingest writes them again,
 * each agency's entry is built on the fly and the bot derives its forms with the current rules (see
 * 1764200000000-AgencyVocabulary). Nothing else changes, so there is nothing to undo.
 */
export class AgencyShortFormsAgain1764300000000 implements MigrationInterface {
  name = 'AgencyShortFormsAgain1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "agency_vocabulary"`);
  }

  async down(): Promise<void> {
    // the entries are derived data, written again by serve and ingest
  }
}
