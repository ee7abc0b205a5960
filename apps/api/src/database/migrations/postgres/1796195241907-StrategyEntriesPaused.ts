import { MigrationInterface, QueryRunner } from 'typeorm';

export class StrategyEntriesPaused1796195241907 implements MigrationInterface {
  name = 'StrategyEntriesPaused1796195241907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strategy_configs" ADD "entries_paused" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strategy_configs" DROP COLUMN "entries_paused"`);
  }
}
