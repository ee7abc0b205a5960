import { MigrationInterface, QueryRunner } from 'typeorm';

export class PendingHalts1796208190719 implements MigrationInterface {
  name = 'PendingHalts1796208190719';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "pending_halts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "reason" text NOT NULL, "requested_by" varchar(100) NOT NULL, "requested_by_role" varchar(10) NOT NULL, CONSTRAINT "uq_pending_halts_account" UNIQUE ("account_id"))`);
    await queryRunner.query(`CREATE TABLE "temporary_pending_halts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "reason" text NOT NULL, "requested_by" varchar(100) NOT NULL, "requested_by_role" varchar(10) NOT NULL, CONSTRAINT "uq_pending_halts_account" UNIQUE ("account_id"), CONSTRAINT "FK_90b9ad645c0b9fd4d0d63afcc1c" FOREIGN KEY ("account_id") REFERENCES "broker_accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_pending_halts"("id", "created_at", "updated_at", "account_id", "reason", "requested_by", "requested_by_role") SELECT "id", "created_at", "updated_at", "account_id", "reason", "requested_by", "requested_by_role" FROM "pending_halts"`);
    await queryRunner.query(`DROP TABLE "pending_halts"`);
    await queryRunner.query(`ALTER TABLE "temporary_pending_halts" RENAME TO "pending_halts"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pending_halts" RENAME TO "temporary_pending_halts"`);
    await queryRunner.query(`CREATE TABLE "pending_halts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "reason" text NOT NULL, "requested_by" varchar(100) NOT NULL, "requested_by_role" varchar(10) NOT NULL, CONSTRAINT "uq_pending_halts_account" UNIQUE ("account_id"))`);
    await queryRunner.query(`INSERT INTO "pending_halts"("id", "created_at", "updated_at", "account_id", "reason", "requested_by", "requested_by_role") SELECT "id", "created_at", "updated_at", "account_id", "reason", "requested_by", "requested_by_role" FROM "temporary_pending_halts"`);
    await queryRunner.query(`DROP TABLE "temporary_pending_halts"`);
    await queryRunner.query(`DROP TABLE "pending_halts"`);
  }
}
