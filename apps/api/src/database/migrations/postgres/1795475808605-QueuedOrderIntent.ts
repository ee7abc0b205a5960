import { MigrationInterface, QueryRunner } from 'typeorm';

export class QueuedOrderIntent1795475808605 implements MigrationInterface {
  name = 'QueuedOrderIntent1795475808605';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "estimated_margin_paise" bigint`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "estimated_risk_paise" bigint`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "estimated_exposure_paise" bigint`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "product" character varying(4)`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "queued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "dispatched_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "dispatched_at"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "queued_at"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "product"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "estimated_exposure_paise"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "estimated_risk_paise"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "estimated_margin_paise"`);
  }
}
