import { MigrationInterface, QueryRunner } from 'typeorm';

export class BacktestRuns1796194728914 implements MigrationInterface {
  name = 'BacktestRuns1796194728914';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "backtest_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "strategy" varchar(30) NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, "data_source" varchar(10) NOT NULL, "seed" integer, "params" text NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('QUEUED'), "progress_pct" integer NOT NULL DEFAULT (0), "error" text, "summary" text, "report_json" text, "created_by" varchar(200) NOT NULL, "finished_at" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_backtest_runs_created" ON "backtest_runs" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_backtest_runs_created"`);
    await queryRunner.query(`DROP TABLE "backtest_runs"`);
  }
}
