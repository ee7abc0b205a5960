import { MigrationInterface, QueryRunner } from 'typeorm';

export class AlertChannels1796180828378 implements MigrationInterface {
  name = 'AlertChannels1796180828378';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_channel_settings" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "channel" character varying(10) NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "min_severity" character varying(10) NOT NULL, "quiet_from" character varying(5), "quiet_to" character varying(5), CONSTRAINT "uq_alert_channel_settings_channel" UNIQUE ("channel"), CONSTRAINT "PK_aefed4ab0084a614c945ff3556d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "alert_cooldowns" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(60) NOT NULL, "cooldown_seconds" integer NOT NULL, CONSTRAINT "uq_alert_cooldowns_kind" UNIQUE ("kind"), CONSTRAINT "PK_47435ac75c2ac29c650c44f9e1a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "telegram_approval_cards" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approval_id" character varying(64) NOT NULL, "chat_id" character varying(32) NOT NULL, "message_id" integer NOT NULL, "state" character varying(10) NOT NULL, CONSTRAINT "uq_telegram_approval_cards_approval_chat" UNIQUE ("approval_id", "chat_id"), CONSTRAINT "PK_a4df7efd738b76f52602b8f77d6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "telegram_chats" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "chat_id" character varying(32) NOT NULL, "user_id" integer NOT NULL, "label" character varying(100) NOT NULL, "receives_alerts" boolean NOT NULL DEFAULT true, CONSTRAINT "uq_telegram_chats_chat" UNIQUE ("chat_id"), CONSTRAINT "PK_a155a5e9c395c45903bb15d4931" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "alert_logs" ADD "recipient" character varying(200)`);
    await queryRunner.query(`CREATE INDEX "ix_alert_logs_channel_occurred" ON "alert_logs" ("channel", "occurred_at") `);
    await queryRunner.query(`ALTER TABLE "telegram_chats" ADD CONSTRAINT "FK_29e1c4f8f4ac7c580e549d984f0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "telegram_chats" DROP CONSTRAINT "FK_29e1c4f8f4ac7c580e549d984f0"`);
    await queryRunner.query(`DROP INDEX "public"."ix_alert_logs_channel_occurred"`);
    await queryRunner.query(`ALTER TABLE "alert_logs" DROP COLUMN "recipient"`);
    await queryRunner.query(`DROP TABLE "telegram_chats"`);
    await queryRunner.query(`DROP TABLE "telegram_approval_cards"`);
    await queryRunner.query(`DROP TABLE "alert_cooldowns"`);
    await queryRunner.query(`DROP TABLE "alert_channel_settings"`);
  }
}
