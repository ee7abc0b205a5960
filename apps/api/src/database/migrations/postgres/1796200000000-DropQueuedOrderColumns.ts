import { MigrationInterface, QueryRunner } from 'typeorm';

/** OrdersService.enqueue and the orders.submit job had no production caller and are gone (issue 13): their two columns go with them. */
export class DropQueuedOrderColumns1796200000000 implements MigrationInterface {
  name = 'DropQueuedOrderColumns1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "dispatched_at"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "queued_at"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "queued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "dispatched_at" TIMESTAMP WITH TIME ZONE`);
  }
}
