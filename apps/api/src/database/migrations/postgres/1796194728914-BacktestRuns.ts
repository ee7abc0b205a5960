import { MigrationInterface, QueryRunner } from 'typeorm';

export class BacktestRuns1796194728914 implements MigrationInterface {
  name = 'BacktestRuns1796194728914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "backtest_runs" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "strategy" character varying(30) NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, "data_source" character varying(10) NOT NULL, "seed" integer, "params" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'QUEUED', "progress_pct" integer NOT NULL DEFAULT '0', "error" text, "summary" text, "report_json" text, "created_by" character varying(200) NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a8a1cef0162fdbbb0cc9920ca5c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_backtest_runs_created" ON "backtest_runs" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_backtest_runs_created"`);
    await queryRunner.query(`DROP TABLE "backtest_runs"`);
  }
}
