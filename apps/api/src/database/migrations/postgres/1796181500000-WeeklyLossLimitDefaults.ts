import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data only (hand-written): DECISIONS §6 gives the weekly loss limit a default, ₹4 L on Kotak and
 * ₹3 L on ICICI (paise below). Rows seeded with null ("no limit", which never fired) get the
 * default of their account's broker; a limit a person set is left alone.
 */
export class WeeklyLossLimitDefaults1796181500000 implements MigrationInterface {
  name = 'WeeklyLossLimitDefaults1796181500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [broker, paise] of [
      ['KOTAK', 40_000_000],
      ['ICICI', 30_000_000],
    ] as const) {
      await queryRunner.query(
        `UPDATE "risk_limits" SET "weekly_loss_limit_paise" = ${paise} WHERE "weekly_loss_limit_paise" IS NULL AND "account_id" IN (SELECT "id" FROM "broker_accounts" WHERE "broker" = '${broker}')`,
      );
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: a null weekly limit no longer means "no limit", and a reverted schema reads the value as set.
  }
}
