import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaperBook1795469153349 implements MigrationInterface {
  name = 'PaperBook1795469153349';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "paper_book_rows" ("id" SERIAL NOT NULL, "account_id" integer NOT NULL, "kind" character varying(10) NOT NULL, "row_key" character varying(120) NOT NULL, "body" text NOT NULL, CONSTRAINT "uq_paper_book_rows_account_kind_key" UNIQUE ("account_id", "kind", "row_key"), CONSTRAINT "PK_818d207bb67238c605ed6a7b3a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_paper_book_rows_account" ON "paper_book_rows" ("account_id") `);
    await queryRunner.query(`ALTER TABLE "paper_book_rows" ADD CONSTRAINT "FK_d88be3c8dd229a0d1764bd34d09" FOREIGN KEY ("account_id") REFERENCES "broker_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "paper_book_rows" DROP CONSTRAINT "FK_d88be3c8dd229a0d1764bd34d09"`);
    await queryRunner.query(`DROP INDEX "public"."ix_paper_book_rows_account"`);
    await queryRunner.query(`DROP TABLE "paper_book_rows"`);
  }
}
