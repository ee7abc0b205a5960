import { MigrationInterface, QueryRunner } from 'typeorm';

export class PendingHalts1796208190719 implements MigrationInterface {
  name = 'PendingHalts1796208190719';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "pending_halts" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" integer NOT NULL, "reason" text NOT NULL, "requested_by" character varying(100) NOT NULL, "requested_by_role" character varying(10) NOT NULL, CONSTRAINT "uq_pending_halts_account" UNIQUE ("account_id"), CONSTRAINT "PK_a42b0da877077236ea56b3c05d7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "pending_halts" ADD CONSTRAINT "FK_90b9ad645c0b9fd4d0d63afcc1c" FOREIGN KEY ("account_id") REFERENCES "broker_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pending_halts" DROP CONSTRAINT "FK_90b9ad645c0b9fd4d0d63afcc1c"`);
    await queryRunner.query(`DROP TABLE "pending_halts"`);
  }
}
