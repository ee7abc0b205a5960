import { MigrationInterface, QueryRunner } from 'typeorm';

export class IciciApprovalQueue1796194917844 implements MigrationInterface {
  name = 'IciciApprovalQueue1796194917844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "approval_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "token_hash" varchar(64) NOT NULL, "request_ref" varchar(40) NOT NULL, "account_id" integer NOT NULL, "purpose" varchar(10) NOT NULL, "underlying" varchar(60) NOT NULL, "instrument_kind" varchar(3) NOT NULL, "expiry_date" date NOT NULL, "side" varchar(4) NOT NULL, "quantity" integer NOT NULL, "price_low_paise" bigint NOT NULL, "price_high_paise" bigint NOT NULL, "approved_by" varchar(100) NOT NULL, "approved_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "consumed_at" datetime, "consumed_by_intent" varchar(64), CONSTRAINT "uq_approval_tokens_hash" UNIQUE ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "ix_approval_tokens_request" ON "approval_tokens" ("request_ref") `);
    await queryRunner.query(`CREATE TABLE "approval_requests" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "request_ref" varchar(120) NOT NULL, "account_id" integer NOT NULL, "strategy_type" varchar(40) NOT NULL, "kind" varchar(10) NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('PENDING'), "summary" text NOT NULL, "request" text NOT NULL, "validator_label" varchar(120), "requested_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "decided_by" varchar(100), "decided_at" datetime, "reason" text, "outcome" text, CONSTRAINT "uq_approval_requests_ref" UNIQUE ("request_ref"))`);
    await queryRunner.query(`CREATE INDEX "ix_approval_requests_account_status" ON "approval_requests" ("account_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_approval_requests_account_status"`);
    await queryRunner.query(`DROP TABLE "approval_requests"`);
    await queryRunner.query(`DROP INDEX "ix_approval_tokens_request"`);
    await queryRunner.query(`DROP TABLE "approval_tokens"`);
  }
}
