import { MigrationInterface, QueryRunner } from 'typeorm';

export class StrategyRuntimeState1796181379686 implements MigrationInterface {
  name = 'StrategyRuntimeState1796181379686';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "strategy_position_links" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" integer NOT NULL, "strategy_position_id" character varying(80) NOT NULL, "position_id" integer NOT NULL, CONSTRAINT "uq_strategy_position_links_strategy_position" UNIQUE ("strategy_position_id"), CONSTRAINT "PK_017a659191d57d2d12f6c570146" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_strategy_position_links_position" ON "strategy_position_links" ("position_id") `);
    await queryRunner.query(`CREATE TABLE "strategy_runtime_states" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" integer NOT NULL, "strategy_type" character varying(40) NOT NULL, "state" text NOT NULL, CONSTRAINT "uq_strategy_runtime_states_account_strategy" UNIQUE ("account_id", "strategy_type"), CONSTRAINT "PK_f478f93c80d3358c0828923f07f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "strategy_position_links" ADD CONSTRAINT "FK_87aae8af30f7011e7d966fa0ab5" FOREIGN KEY ("account_id") REFERENCES "broker_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "strategy_runtime_states" ADD CONSTRAINT "FK_f262c425124e331f1b6a1d09ffb" FOREIGN KEY ("account_id") REFERENCES "broker_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strategy_runtime_states" DROP CONSTRAINT "FK_f262c425124e331f1b6a1d09ffb"`);
    await queryRunner.query(`ALTER TABLE "strategy_position_links" DROP CONSTRAINT "FK_87aae8af30f7011e7d966fa0ab5"`);
    await queryRunner.query(`DROP TABLE "strategy_runtime_states"`);
    await queryRunner.query(`DROP INDEX "public"."ix_strategy_position_links_position"`);
    await queryRunner.query(`DROP TABLE "strategy_position_links"`);
  }
}
