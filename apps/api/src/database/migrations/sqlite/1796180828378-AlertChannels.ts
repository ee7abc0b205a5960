import { MigrationInterface, QueryRunner } from 'typeorm';

export class AlertChannels1796180828378 implements MigrationInterface {
  name = 'AlertChannels1796180828378';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_channel_settings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "channel" varchar(10) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "min_severity" varchar(10) NOT NULL, "quiet_from" varchar(5), "quiet_to" varchar(5), CONSTRAINT "uq_alert_channel_settings_channel" UNIQUE ("channel"))`);
    await queryRunner.query(`CREATE TABLE "alert_cooldowns" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "kind" varchar(60) NOT NULL, "cooldown_seconds" integer NOT NULL, CONSTRAINT "uq_alert_cooldowns_kind" UNIQUE ("kind"))`);
    await queryRunner.query(`CREATE TABLE "telegram_approval_cards" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "approval_id" varchar(64) NOT NULL, "chat_id" varchar(32) NOT NULL, "message_id" integer NOT NULL, "state" varchar(10) NOT NULL, CONSTRAINT "uq_telegram_approval_cards_approval_chat" UNIQUE ("approval_id", "chat_id"))`);
    await queryRunner.query(`CREATE TABLE "telegram_chats" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "chat_id" varchar(32) NOT NULL, "user_id" integer NOT NULL, "label" varchar(100) NOT NULL, "receives_alerts" boolean NOT NULL DEFAULT (1), CONSTRAINT "uq_telegram_chats_chat" UNIQUE ("chat_id"))`);
    await queryRunner.query(`DROP INDEX "ix_alert_logs_alert"`);
    await queryRunner.query(`CREATE TABLE "temporary_alert_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alert_id" integer NOT NULL, "channel" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "attempt" integer NOT NULL DEFAULT (1), "provider_message_id" varchar(120), "error_message" text, "occurred_at" datetime NOT NULL, "recipient" varchar(200), CONSTRAINT "FK_b94d11c174f92e91994785d7caa" FOREIGN KEY ("alert_id") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_alert_logs"("id", "alert_id", "channel", "status", "attempt", "provider_message_id", "error_message", "occurred_at") SELECT "id", "alert_id", "channel", "status", "attempt", "provider_message_id", "error_message", "occurred_at" FROM "alert_logs"`);
    await queryRunner.query(`DROP TABLE "alert_logs"`);
    await queryRunner.query(`ALTER TABLE "temporary_alert_logs" RENAME TO "alert_logs"`);
    await queryRunner.query(`CREATE INDEX "ix_alert_logs_alert" ON "alert_logs" ("alert_id") `);
    await queryRunner.query(`CREATE INDEX "ix_alert_logs_channel_occurred" ON "alert_logs" ("channel", "occurred_at") `);
    await queryRunner.query(`CREATE TABLE "temporary_telegram_chats" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "chat_id" varchar(32) NOT NULL, "user_id" integer NOT NULL, "label" varchar(100) NOT NULL, "receives_alerts" boolean NOT NULL DEFAULT (1), CONSTRAINT "uq_telegram_chats_chat" UNIQUE ("chat_id"), CONSTRAINT "FK_29e1c4f8f4ac7c580e549d984f0" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_telegram_chats"("id", "created_at", "updated_at", "chat_id", "user_id", "label", "receives_alerts") SELECT "id", "created_at", "updated_at", "chat_id", "user_id", "label", "receives_alerts" FROM "telegram_chats"`);
    await queryRunner.query(`DROP TABLE "telegram_chats"`);
    await queryRunner.query(`ALTER TABLE "temporary_telegram_chats" RENAME TO "telegram_chats"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "telegram_chats" RENAME TO "temporary_telegram_chats"`);
    await queryRunner.query(`CREATE TABLE "telegram_chats" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "chat_id" varchar(32) NOT NULL, "user_id" integer NOT NULL, "label" varchar(100) NOT NULL, "receives_alerts" boolean NOT NULL DEFAULT (1), CONSTRAINT "uq_telegram_chats_chat" UNIQUE ("chat_id"))`);
    await queryRunner.query(`INSERT INTO "telegram_chats"("id", "created_at", "updated_at", "chat_id", "user_id", "label", "receives_alerts") SELECT "id", "created_at", "updated_at", "chat_id", "user_id", "label", "receives_alerts" FROM "temporary_telegram_chats"`);
    await queryRunner.query(`DROP TABLE "temporary_telegram_chats"`);
    await queryRunner.query(`DROP INDEX "ix_alert_logs_channel_occurred"`);
    await queryRunner.query(`DROP INDEX "ix_alert_logs_alert"`);
    await queryRunner.query(`ALTER TABLE "alert_logs" RENAME TO "temporary_alert_logs"`);
    await queryRunner.query(`CREATE TABLE "alert_logs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alert_id" integer NOT NULL, "channel" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "attempt" integer NOT NULL DEFAULT (1), "provider_message_id" varchar(120), "error_message" text, "occurred_at" datetime NOT NULL, CONSTRAINT "FK_b94d11c174f92e91994785d7caa" FOREIGN KEY ("alert_id") REFERENCES "alerts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "alert_logs"("id", "alert_id", "channel", "status", "attempt", "provider_message_id", "error_message", "occurred_at") SELECT "id", "alert_id", "channel", "status", "attempt", "provider_message_id", "error_message", "occurred_at" FROM "temporary_alert_logs"`);
    await queryRunner.query(`DROP TABLE "temporary_alert_logs"`);
    await queryRunner.query(`CREATE INDEX "ix_alert_logs_alert" ON "alert_logs" ("alert_id") `);
    await queryRunner.query(`DROP TABLE "telegram_chats"`);
    await queryRunner.query(`DROP TABLE "telegram_approval_cards"`);
    await queryRunner.query(`DROP TABLE "alert_cooldowns"`);
    await queryRunner.query(`DROP TABLE "alert_channel_settings"`);
  }
}
