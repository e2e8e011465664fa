import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies are not only division governments (issue 10): departments, the 管委会 of zones and street offices issue
 * reports too. Rows stored before are classified once by the end of their full name, as the parser names them;
 * a re-parse writes the parser's own kind.
 */
export class AgencyKind1764000000000 implements MigrationInterface {
  name = 'AgencyKind1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agencies" ADD "kind" character varying(20) NOT NULL DEFAULT 'government'`);
    await q.query(
      `ALTER TABLE "agencies" ADD CONSTRAINT "chk_agencies_kind" CHECK ("kind" IN ('government', 'department', 'zone', 'street_office'))`,
    );
    await q.query(
      `UPDATE "agencies" SET "kind" = CASE
         WHEN "full_name" ~ '街道办事处$' THEN 'street_office'
         WHEN "full_name" ~ '(管理委员会|管委会)$' THEN 'zone'
         WHEN "full_name" ~ '人民政府$' THEN 'government'
         ELSE 'department' END`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agencies" DROP CONSTRAINT "chk_agencies_kind"`);
    await q.query(`ALTER TABLE "agencies" DROP COLUMN "kind"`);
  }
}
