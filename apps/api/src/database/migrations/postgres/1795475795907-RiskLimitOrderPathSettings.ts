import { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskLimitOrderPathSettings1795475795907 implements MigrationInterface {
  name = 'RiskLimitOrderPathSettings1795475795907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "risk_limits" ADD "requires_approval" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "risk_limits" ADD "min_days_to_expiry_options" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "risk_limits" ADD "min_days_to_expiry_futures" integer NOT NULL DEFAULT '15'`);
    // Data step (hand-added): ICICI accounts kept their hard-wired approval rule (DECISIONS §1).
    await queryRunner.query(`UPDATE "risk_limits" SET "requires_approval" = true WHERE "account_id" IN (SELECT "id" FROM "broker_accounts" WHERE "broker" = 'ICICI')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "risk_limits" DROP COLUMN "min_days_to_expiry_futures"`);
    await queryRunner.query(`ALTER TABLE "risk_limits" DROP COLUMN "min_days_to_expiry_options"`);
    await queryRunner.query(`ALTER TABLE "risk_limits" DROP COLUMN "requires_approval"`);
  }
}
