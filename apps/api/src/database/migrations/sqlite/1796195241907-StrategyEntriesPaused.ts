import { MigrationInterface, QueryRunner } from 'typeorm';

export class StrategyEntriesPaused1796195241907 implements MigrationInterface {
  name = 'StrategyEntriesPaused1796195241907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "temporary_strategy_configs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_type" varchar(40) NOT NULL, "is_active" boolean NOT NULL DEFAULT (1), "parameters" text NOT NULL, "version" integer NOT NULL, "parameters_schema_version" integer NOT NULL DEFAULT (1), "entries_paused" boolean NOT NULL DEFAULT (0), CONSTRAINT "uq_strategy_configs_account_strategy" UNIQUE ("account_id", "strategy_type"), CONSTRAINT "FK_ae1bc81a75055584a7364342229" FOREIGN KEY ("account_id") REFERENCES "broker_accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_strategy_configs"("id", "created_at", "updated_at", "account_id", "strategy_type", "is_active", "parameters", "version", "parameters_schema_version") SELECT "id", "created_at", "updated_at", "account_id", "strategy_type", "is_active", "parameters", "version", "parameters_schema_version" FROM "strategy_configs"`);
    await queryRunner.query(`DROP TABLE "strategy_configs"`);
    await queryRunner.query(`ALTER TABLE "temporary_strategy_configs" RENAME TO "strategy_configs"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strategy_configs" RENAME TO "temporary_strategy_configs"`);
    await queryRunner.query(`CREATE TABLE "strategy_configs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "strategy_type" varchar(40) NOT NULL, "is_active" boolean NOT NULL DEFAULT (1), "parameters" text NOT NULL, "version" integer NOT NULL, "parameters_schema_version" integer NOT NULL DEFAULT (1), CONSTRAINT "uq_strategy_configs_account_strategy" UNIQUE ("account_id", "strategy_type"), CONSTRAINT "FK_ae1bc81a75055584a7364342229" FOREIGN KEY ("account_id") REFERENCES "broker_accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "strategy_configs"("id", "created_at", "updated_at", "account_id", "strategy_type", "is_active", "parameters", "version", "parameters_schema_version") SELECT "id", "created_at", "updated_at", "account_id", "strategy_type", "is_active", "parameters", "version", "parameters_schema_version" FROM "temporary_strategy_configs"`);
    await queryRunner.query(`DROP TABLE "temporary_strategy_configs"`);
  }
}
