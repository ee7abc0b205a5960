import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarOverridesAndMarketClock1796181551632 implements MigrationInterface {
  name = 'CalendarOverridesAndMarketClock1796181551632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_overrides" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "calendar_date" date NOT NULL, "kind" character varying(10) NOT NULL, "name" character varying(120), "session_open" character varying(5), "session_close" character varying(5), "source" character varying(10) NOT NULL, CONSTRAINT "uq_calendar_overrides_date" UNIQUE ("calendar_date"), CONSTRAINT "PK_b23f682172d62c4a5d0a8bec475" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "calendar_years" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "year" integer NOT NULL, "holiday_count" integer NOT NULL, "source" character varying(10) NOT NULL, "confirmed_by" character varying(200) NOT NULL, CONSTRAINT "uq_calendar_years_year" UNIQUE ("year"), CONSTRAINT "PK_99f922ecc456e70c60cda5fece6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "market_clock_states" ("id" SERIAL NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "source" character varying(10) NOT NULL, "market_at" TIMESTAMP WITH TIME ZONE NOT NULL, "start_date" date NOT NULL, CONSTRAINT "uq_market_clock_states_source" UNIQUE ("source"), CONSTRAINT "PK_3159ca8887a155868b62434bab7" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "market_clock_states"`);
    await queryRunner.query(`DROP TABLE "calendar_years"`);
    await queryRunner.query(`DROP TABLE "calendar_overrides"`);
  }
}
