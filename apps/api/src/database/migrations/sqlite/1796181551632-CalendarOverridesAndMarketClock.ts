import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarOverridesAndMarketClock1796181551632 implements MigrationInterface {
  name = 'CalendarOverridesAndMarketClock1796181551632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_overrides" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "calendar_date" date NOT NULL, "kind" varchar(10) NOT NULL, "name" varchar(120), "session_open" varchar(5), "session_close" varchar(5), "source" varchar(10) NOT NULL, CONSTRAINT "uq_calendar_overrides_date" UNIQUE ("calendar_date"))`);
    await queryRunner.query(`CREATE TABLE "calendar_years" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "year" integer NOT NULL, "holiday_count" integer NOT NULL, "source" varchar(10) NOT NULL, "confirmed_by" varchar(200) NOT NULL, CONSTRAINT "uq_calendar_years_year" UNIQUE ("year"))`);
    await queryRunner.query(`CREATE TABLE "market_clock_states" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "source" varchar(10) NOT NULL, "market_at" datetime NOT NULL, "start_date" date NOT NULL, CONSTRAINT "uq_market_clock_states_source" UNIQUE ("source"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "market_clock_states"`);
    await queryRunner.query(`DROP TABLE "calendar_years"`);
    await queryRunner.query(`DROP TABLE "calendar_overrides"`);
  }
}
