import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaperBook1795469153349 implements MigrationInterface {
  name = 'PaperBook1795469153349';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "paper_book_rows" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "row_key" varchar(120) NOT NULL, "body" text NOT NULL, CONSTRAINT "uq_paper_book_rows_account_kind_key" UNIQUE ("account_id", "kind", "row_key"))`);
    await queryRunner.query(`CREATE INDEX "ix_paper_book_rows_account" ON "paper_book_rows" ("account_id") `);
    await queryRunner.query(`DROP INDEX "ix_paper_book_rows_account"`);
    await queryRunner.query(`CREATE TABLE "temporary_paper_book_rows" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "row_key" varchar(120) NOT NULL, "body" text NOT NULL, CONSTRAINT "uq_paper_book_rows_account_kind_key" UNIQUE ("account_id", "kind", "row_key"), CONSTRAINT "FK_d88be3c8dd229a0d1764bd34d09" FOREIGN KEY ("account_id") REFERENCES "broker_accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_paper_book_rows"("id", "account_id", "kind", "row_key", "body") SELECT "id", "account_id", "kind", "row_key", "body" FROM "paper_book_rows"`);
    await queryRunner.query(`DROP TABLE "paper_book_rows"`);
    await queryRunner.query(`ALTER TABLE "temporary_paper_book_rows" RENAME TO "paper_book_rows"`);
    await queryRunner.query(`CREATE INDEX "ix_paper_book_rows_account" ON "paper_book_rows" ("account_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_paper_book_rows_account"`);
    await queryRunner.query(`ALTER TABLE "paper_book_rows" RENAME TO "temporary_paper_book_rows"`);
    await queryRunner.query(`CREATE TABLE "paper_book_rows" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "row_key" varchar(120) NOT NULL, "body" text NOT NULL, CONSTRAINT "uq_paper_book_rows_account_kind_key" UNIQUE ("account_id", "kind", "row_key"))`);
    await queryRunner.query(`INSERT INTO "paper_book_rows"("id", "account_id", "kind", "row_key", "body") SELECT "id", "account_id", "kind", "row_key", "body" FROM "temporary_paper_book_rows"`);
    await queryRunner.query(`DROP TABLE "temporary_paper_book_rows"`);
    await queryRunner.query(`CREATE INDEX "ix_paper_book_rows_account" ON "paper_book_rows" ("account_id") `);
    await queryRunner.query(`DROP INDEX "ix_paper_book_rows_account"`);
    await queryRunner.query(`DROP TABLE "paper_book_rows"`);
  }
}
