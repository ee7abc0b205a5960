import { MigrationInterface, QueryRunner } from 'typeorm';

export class KotakLiveTrading1796198805456 implements MigrationInterface {
  name = 'KotakLiveTrading1796198805456';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "instrument_contracts" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "broker" character varying(10) NOT NULL, "master_date" date NOT NULL, "exchange_segment" character varying(12) NOT NULL, "token" character varying(30) NOT NULL, "trading_symbol" character varying(60) NOT NULL, "underlying" character varying(30) NOT NULL, "instrument_type" character varying(10) NOT NULL, "kind" character varying(4) NOT NULL, "option_type" character varying(2), "expiry" date NOT NULL, "strike_paise" bigint, "lot_size" integer NOT NULL, "tick_paise" bigint NOT NULL, "freeze_quantity" integer, CONSTRAINT "uq_instrument_contracts_broker_date_symbol" UNIQUE ("broker", "master_date", "trading_symbol"), CONSTRAINT "PK_f5d8bf7a5f0196e212343250c9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_instrument_contracts_broker_date_underlying" ON "instrument_contracts" ("broker", "master_date", "underlying") `);
    await queryRunner.query(`CREATE TABLE "broker_sessions" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" integer NOT NULL, "session_date" date, "key_id" character varying(16), "iv" character varying(24), "ciphertext" text, "auth_tag" character varying(24), "last_login_at" TIMESTAMP WITH TIME ZONE, "last_login_date" date, "last_login_ok" boolean NOT NULL DEFAULT false, "last_login_error" text, CONSTRAINT "uq_broker_sessions_account" UNIQUE ("account_id"), CONSTRAINT "PK_f0fce68c933fa975d8433e65dbf" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "broker_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_instrument_contracts_broker_date_underlying"`);
    await queryRunner.query(`DROP TABLE "instrument_contracts"`);
  }
}
