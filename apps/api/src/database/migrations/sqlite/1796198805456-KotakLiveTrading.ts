import { MigrationInterface, QueryRunner } from 'typeorm';

export class KotakLiveTrading1796198805456 implements MigrationInterface {
  name = 'KotakLiveTrading1796198805456';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "instrument_contracts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "broker" varchar(10) NOT NULL, "master_date" date NOT NULL, "exchange_segment" varchar(12) NOT NULL, "token" varchar(30) NOT NULL, "trading_symbol" varchar(60) NOT NULL, "underlying" varchar(30) NOT NULL, "instrument_type" varchar(10) NOT NULL, "kind" varchar(4) NOT NULL, "option_type" varchar(2), "expiry" date NOT NULL, "strike_paise" bigint, "lot_size" integer NOT NULL, "tick_paise" bigint NOT NULL, "freeze_quantity" integer, CONSTRAINT "uq_instrument_contracts_broker_date_symbol" UNIQUE ("broker", "master_date", "trading_symbol"))`);
    await queryRunner.query(`CREATE INDEX "ix_instrument_contracts_broker_date_underlying" ON "instrument_contracts" ("broker", "master_date", "underlying") `);
    await queryRunner.query(`CREATE TABLE "broker_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "account_id" integer NOT NULL, "session_date" date, "key_id" varchar(16), "iv" varchar(24), "ciphertext" text, "auth_tag" varchar(24), "last_login_at" datetime, "last_login_date" date, "last_login_ok" boolean NOT NULL DEFAULT (0), "last_login_error" text, CONSTRAINT "uq_broker_sessions_account" UNIQUE ("account_id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "broker_sessions"`);
    await queryRunner.query(`DROP INDEX "ix_instrument_contracts_broker_date_underlying"`);
    await queryRunner.query(`DROP TABLE "instrument_contracts"`);
  }
}
