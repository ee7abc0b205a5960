import { MigrationInterface, QueryRunner } from 'typeorm';
import { instrumentKeyOf, oldSymbolOf, rewriteSymbols } from '../data/instrument-key-symbols';

/**
 * Data only (hand-written, issue 13): orders and position legs are stored under the canonical
 * instrument key (`NIFTY-2026-08-25-24500-CE`) instead of mCube's old symbol
 * (`NIFTY2026082524500CE`); a symbol in any other format is left alone (see the helper).
 */
export class InstrumentKeySymbols1796328772821 implements MigrationInterface {
  name = 'InstrumentKeySymbols1796328772821';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteSymbols(queryRunner, (n) => `$${n}`, oldSymbolOf, instrumentKeyOf);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteSymbols(queryRunner, (n) => `$${n}`, instrumentKeyOf, oldSymbolOf);
  }
}
