import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsLearningLoop1796195054360 implements MigrationInterface {
  name = 'AnalyticsLearningLoop1796195054360';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "learning_settings" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "strategy_type" character varying(40) NOT NULL, "min_samples" integer NOT NULL, "min_win_rate_gap_fraction" double precision NOT NULL, CONSTRAINT "uq_learning_settings_strategy" UNIQUE ("strategy_type"), CONSTRAINT "PK_373fd0d645ba223b254aa0e8fff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "learning_suggestions" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "strategy_config_id" integer NOT NULL, "account_id" integer NOT NULL, "strategy_type" character varying(40) NOT NULL, "pattern_name" character varying(100) NOT NULL, "parameter" character varying(60) NOT NULL, "current_value" double precision, "suggested_value" double precision NOT NULL, "reason" text NOT NULL, "evidence" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'OPEN', "decided_by" character varying(100), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f34f17f180ac049e9051ae7f1ee" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_learning_suggestions_config_status" ON "learning_suggestions" ("strategy_config_id", "status") `);
    await queryRunner.query(`CREATE TABLE "pattern_records" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "position_id" integer NOT NULL, "account_id" integer NOT NULL, "strategy_type" character varying(40) NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "vix_at_entry" double precision, "spot_at_entry" double precision, "days_to_expiry" integer, "change3d_pct" double precision, "events_before_expiry" integer, "strike_sigma" double precision, "oi_signal" character varying(20), "sector_verdict" character varying(20), "condition" text NOT NULL, "exit_reason" character varying(40), "gross_pnl_paise" bigint NOT NULL, "charges_paise" bigint NOT NULL, "net_pnl_paise" bigint NOT NULL, CONSTRAINT "uq_pattern_records_position" UNIQUE ("position_id"), CONSTRAINT "PK_1e548bee4b5dcc7960360e5c9be" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_pattern_records_strategy" ON "pattern_records" ("strategy_type") `);
    await queryRunner.query(`CREATE TABLE "weekly_insights" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "week_start" date NOT NULL, "source" character varying(10) NOT NULL, "model" character varying(100), "text" text NOT NULL, CONSTRAINT "uq_weekly_insights_week" UNIQUE ("week_start"), CONSTRAINT "PK_723751458fbd84bdb2bc525dbc1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "strategy_learnings" ADD "net_pnl_paise" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "strategy_learnings" ADD "avg_net_pnl_paise" bigint NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strategy_learnings" DROP COLUMN "avg_net_pnl_paise"`);
    await queryRunner.query(`ALTER TABLE "strategy_learnings" DROP COLUMN "net_pnl_paise"`);
    await queryRunner.query(`DROP TABLE "weekly_insights"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pattern_records_strategy"`);
    await queryRunner.query(`DROP TABLE "pattern_records"`);
    await queryRunner.query(`DROP INDEX "public"."ix_learning_suggestions_config_status"`);
    await queryRunner.query(`DROP TABLE "learning_suggestions"`);
    await queryRunner.query(`DROP TABLE "learning_settings"`);
  }
}
