import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExitStateAndKillSwitchSetter1796180995644 implements MigrationInterface {
  name = 'ExitStateAndKillSwitchSetter1796180995644';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "broker_accounts" ADD "trading_state_set_by_role" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "broker_accounts" ADD "trading_state_set_by" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "positions" ADD "exit_requested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "positions" ADD "exit_owner" character varying(10)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "positions" DROP COLUMN "exit_owner"`);
    await queryRunner.query(`ALTER TABLE "positions" DROP COLUMN "exit_requested_at"`);
    await queryRunner.query(`ALTER TABLE "broker_accounts" DROP COLUMN "trading_state_set_by"`);
    await queryRunner.query(`ALTER TABLE "broker_accounts" DROP COLUMN "trading_state_set_by_role"`);
  }
}
