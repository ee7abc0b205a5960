import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottleAndKnownDevices1796180800397 implements MigrationInterface {
  name = 'LoginThrottleAndKnownDevices1796180800397';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "known_devices" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "expires_at" datetime NOT NULL, "last_used_at" datetime NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "ix_known_devices_user_id" ON "known_devices" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "login_throttles" ("key" varchar(200) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "window_started_at" datetime NOT NULL, "last_failure_at" datetime NOT NULL, "blocked_until" datetime)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttles"`);
    await queryRunner.query(`DROP INDEX "ix_known_devices_user_id"`);
    await queryRunner.query(`DROP TABLE "known_devices"`);
  }
}
