import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each vocabulary entry records the version of the parser's short-form rules it was worked out with
 * (SHORT_FORM_RULES in src/parser/agencyNames.ts): when the rules grow (财金局, 审批局, 管委办, 海坛片区, 经发局…), an
 * entry of an older version is served without its short forms (the bot derives them with the current rules) until
 * `nianbao serve` or the next ingest writes it again. Existing entries get version 0: older than any rules.
 */
export class AgencyVocabularyRules1764310000000 implements MigrationInterface {
  name = 'AgencyVocabularyRules1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agency_vocabulary" ADD COLUMN "rules" integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agency_vocabulary" DROP COLUMN "rules"`);
  }
}
