import { MigrationInterface, QueryRunner } from 'typeorm';

export class StrategyRuntimeState1796181379686 implements MigrationInterface {
  name = 'StrategyRuntimeState1796181379686';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "strategy_position_links" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_position_id" varchar(80) NOT NULL, "position_id" integer NOT NULL, CONSTRAINT "uq_strategy_position_links_strategy_position" UNIQUE ("strategy_position_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_strategy_position_links_position" ON "strategy_position_links" ("position_id") `);
    await queryRunner.query(`CREATE TABLE "strategy_runtime_states" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_type" varchar(40) NOT NULL, "state" text NOT NULL, CONSTRAINT "uq_strategy_runtime_states_account_strategy" UNIQUE ("account_id", "strategy_type"))`);
    await queryRunner.query(`DROP INDEX "ix_strategy_position_links_position"`);
    await queryRunner.query(`CREATE TABLE "temporary_strategy_position_links" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_position_id" varchar(80) NOT NULL, "position_id" integer NOT NULL, CONSTRAINT "uq_strategy_position_links_strategy_position" UNIQUE ("strategy_position_id"), CONSTRAINT "FK_87aae8af30f7011e7d966fa0ab5" FOREIGN KEY ("account_id") REFERENCES "broker_accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_strategy_position_links"("id", "created_at", "updated_at", "account_id", "strategy_position_id", "position_id") SELECT "id", "created_at", "updated_at", "account_id", "strategy_position_id", "position_id" FROM "strategy_position_links"`);
    await queryRunner.query(`DROP TABLE "strategy_position_links"`);
    await queryRunner.query(`ALTER TABLE "temporary_strategy_position_links" RENAME TO "strategy_position_links"`);
    await queryRunner.query(`CREATE INDEX "ix_strategy_position_links_position" ON "strategy_position_links" ("position_id") `);
    await queryRunner.query(`CREATE TABLE "temporary_strategy_runtime_states" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_type" varchar(40) NOT NULL, "state" text NOT NULL, CONSTRAINT "uq_strategy_runtime_states_account_strategy" UNIQUE ("account_id", "strategy_type"), CONSTRAINT "FK_f262c425124e331f1b6a1d09ffb" FOREIGN KEY ("account_id") REFERENCES "broker_accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_strategy_runtime_states"("id", "created_at", "updated_at", "account_id", "strategy_type", "state") SELECT "id", "created_at", "updated_at", "account_id", "strategy_type", "state" FROM "strategy_runtime_states"`);
    await queryRunner.query(`DROP TABLE "strategy_runtime_states"`);
    await queryRunner.query(`ALTER TABLE "temporary_strategy_runtime_states" RENAME TO "strategy_runtime_states"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strategy_runtime_states" RENAME TO "temporary_strategy_runtime_states"`);
    await queryRunner.query(`CREATE TABLE "strategy_runtime_states" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_type" varchar(40) NOT NULL, "state" text NOT NULL, CONSTRAINT "uq_strategy_runtime_states_account_strategy" UNIQUE ("account_id", "strategy_type"))`);
    await queryRunner.query(`INSERT INTO "strategy_runtime_states"("id", "created_at", "updated_at", "account_id", "strategy_type", "state") SELECT "id", "created_at", "updated_at", "account_id", "strategy_type", "state" FROM "temporary_strategy_runtime_states"`);
    await queryRunner.query(`DROP TABLE "temporary_strategy_runtime_states"`);
    await queryRunner.query(`DROP INDEX "ix_strategy_position_links_position"`);
    await queryRunner.query(`ALTER TABLE "strategy_position_links" RENAME TO "temporary_strategy_position_links"`);
    await queryRunner.query(`CREATE TABLE "strategy_position_links" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_position_id" varchar(80) NOT NULL, "position_id" integer NOT NULL, CONSTRAINT "uq_strategy_position_links_strategy_position" UNIQUE ("strategy_position_id"))`);
    await queryRunner.query(`INSERT INTO "strategy_position_links"("id", "created_at", "updated_at", "account_id", "strategy_position_id", "position_id") SELECT "id", "created_at", "updated_at", "account_id", "strategy_position_id", "position_id" FROM "temporary_strategy_position_links"`);
    await queryRunner.query(`DROP TABLE "temporary_strategy_position_links"`);
    await queryRunner.query(`CREATE INDEX "ix_strategy_position_links_position" ON "strategy_position_links" ("position_id") `);
    await queryRunner.query(`DROP TABLE "strategy_runtime_states"`);
    await queryRunner.query(`DROP INDEX "ix_strategy_position_links_position"`);
    await queryRunner.query(`DROP TABLE "strategy_position_links"`);
  }
}
