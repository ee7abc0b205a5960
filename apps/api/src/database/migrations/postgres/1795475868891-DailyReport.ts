import { MigrationInterface, QueryRunner } from 'typeorm';

export class DailyReport1795475868891 implements MigrationInterface {
  name = 'DailyReport1795475868891';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "daily_reports" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" integer NOT NULL, "trade_date" date NOT NULL, "positions_closed" integer NOT NULL DEFAULT '0', "fills_count" integer NOT NULL DEFAULT '0', "realized_pnl_paise" bigint NOT NULL DEFAULT '0', "charges_paise" bigint NOT NULL DEFAULT '0', "unrealized_pnl_paise" bigint NOT NULL DEFAULT '0', "net_pnl_paise" bigint NOT NULL DEFAULT '0', "week_net_pnl_paise" bigint NOT NULL DEFAULT '0', "month_net_pnl_paise" bigint NOT NULL DEFAULT '0', "daily_loss_limit_paise" bigint, "weekly_loss_limit_paise" bigint, "weekly_profit_target_paise" bigint, "monthly_profit_target_paise" bigint, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_daily_reports_account_date" UNIQUE ("account_id", "trade_date"), CONSTRAINT "PK_9c061cec58b95e2cc8ed285db09" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "daily_reports" ADD CONSTRAINT "FK_3325fbdbf841ab0f25055313cdf" FOREIGN KEY ("account_id") REFERENCES "broker_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "daily_reports" DROP CONSTRAINT "FK_3325fbdbf841ab0f25055313cdf"`);
    await queryRunner.query(`DROP TABLE "daily_reports"`);
  }
}
