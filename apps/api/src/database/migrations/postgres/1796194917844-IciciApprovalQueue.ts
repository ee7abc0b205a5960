import { MigrationInterface, QueryRunner } from 'typeorm';

export class IciciApprovalQueue1796194917844 implements MigrationInterface {
  name = 'IciciApprovalQueue1796194917844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "approval_tokens" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "token_hash" character varying(64) NOT NULL, "request_ref" character varying(40) NOT NULL, "account_id" integer NOT NULL, "purpose" character varying(10) NOT NULL, "underlying" character varying(60) NOT NULL, "instrument_kind" character varying(3) NOT NULL, "expiry_date" date NOT NULL, "side" character varying(4) NOT NULL, "quantity" integer NOT NULL, "price_low_paise" bigint NOT NULL, "price_high_paise" bigint NOT NULL, "approved_by" character varying(100) NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, "consumed_by_intent" character varying(64), CONSTRAINT "uq_approval_tokens_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_c2f0a9c812694a336754f07d1c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_approval_tokens_request" ON "approval_tokens" ("request_ref") `);
    await queryRunner.query(`CREATE TABLE "approval_requests" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_ref" character varying(120) NOT NULL, "account_id" integer NOT NULL, "strategy_type" character varying(40) NOT NULL, "kind" character varying(10) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDING', "summary" text NOT NULL, "request" text NOT NULL, "validator_label" character varying(120), "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" character varying(100), "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, "outcome" text, CONSTRAINT "uq_approval_requests_ref" UNIQUE ("request_ref"), CONSTRAINT "PK_484806bb8ff331b851fc75973c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_approval_requests_account_status" ON "approval_requests" ("account_id", "status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_approval_requests_account_status"`);
    await queryRunner.query(`DROP TABLE "approval_requests"`);
    await queryRunner.query(`DROP INDEX "public"."ix_approval_tokens_request"`);
    await queryRunner.query(`DROP TABLE "approval_tokens"`);
  }
}
