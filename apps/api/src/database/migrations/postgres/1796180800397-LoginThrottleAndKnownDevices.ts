import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottleAndKnownDevices1796180800397 implements MigrationInterface {
  name = 'LoginThrottleAndKnownDevices1796180800397';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "known_devices" ("token_hash" character varying(64) NOT NULL, "user_id" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26eb449cab9d34323a3f66f1d46" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "ix_known_devices_user_id" ON "known_devices" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "login_throttles" ("key" character varying(200) NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_366650e3560115bd25315ca53d0" PRIMARY KEY ("key"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttles"`);
    await queryRunner.query(`DROP INDEX "public"."ix_known_devices_user_id"`);
    await queryRunner.query(`DROP TABLE "known_devices"`);
  }
}
