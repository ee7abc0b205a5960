import { Entity, Unique, VersionColumn } from 'typeorm';
import { BoolColumn, CodeColumn, InstantColumn, PaiseColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** The two brokers of the plan: Kotak Neo (options) and ICICI Breeze (futures). */
export type BrokerCode = 'KOTAK' | 'ICICI';

/** The account's kill switch: ACTIVE trades, REDUCING only closes, HALTED sends nothing. */
export type AccountTradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';

/** A broker account with its allocated capital and kill switch (plan §3, §9). */
@Entity('broker_accounts')
@Unique('uq_broker_accounts_account_number', ['accountNumber'])
export class BrokerAccount extends TimestampedRow {
  @CodeColumn({ length: 10 })
  broker!: BrokerCode;

  /** The broker's account (client) code; unique across mCube. */
  @VarcharColumn(50)
  accountNumber!: string;

  @VarcharColumn(100)
  name!: string;

  @PaiseColumn()
  allocatedCapitalPaise!: number;

  /** False once the circuit breaker deactivated it; only a person re-activates. */
  @BoolColumn({ default: true })
  isActive!: boolean;

  /** Paper trading is the default; live needs an explicit switch and credentials. */
  @BoolColumn({ default: true })
  isPaperTrading!: boolean;

  /** The kill switch as set by a person (the effective state also counts reconciliation, breakers, `isActive`). */
  @CodeColumn({ length: 10, default: 'ACTIVE' })
  tradingState!: AccountTradingState;

  /** Who set a non-ACTIVE kill switch, by authority (admin, trader, system); null when ACTIVE or never recorded (counted as the system). */
  @CodeColumn({ length: 10, nullable: true })
  tradingStateSetByRole!: 'admin' | 'trader' | 'system' | null;

  /** The username behind `tradingStateSetByRole` (shown in the console; the audit log has the history). */
  @VarcharColumn(100, { nullable: true })
  tradingStateSetBy!: string | null;

  @TextColumn({ nullable: true })
  deactivationReason!: string | null;

  @InstantColumn({ nullable: true })
  deactivatedAt!: Date | null;

  /** Optimistic lock: concurrent kill-switch changes fail instead of overwriting. */
  @VersionColumn()
  version!: number;
}
