import type { EntityManager } from 'typeorm';
import { BrokerAccount, type AccountTradingState } from './entities/broker-account.entity';

/**
 * The accounts module's writes of `broker_accounts` that other modules command (the kill switch
 * and the circuit breaker in `risk`, the live switch in `orders`), always in the caller's
 * transaction so the change commits or rolls back with the caller's audit and state rows.
 */

/** Who set a trading state, as the kill switch stores it. */
export interface TradingStateChange {
  readonly tradingState: AccountTradingState;
  readonly tradingStateSetByRole: BrokerAccount['tradingStateSetByRole'];
  readonly tradingStateSetBy: BrokerAccount['tradingStateSetBy'];
}

/** Sets one account's kill-switch state and who set it. */
export async function setTradingState(m: EntityManager, accountId: number, change: TradingStateChange): Promise<void> {
  await m.update(BrokerAccount, accountId, { ...change });
}

/** Takes an account out of trading (a tripped circuit breaker), with the reason and when. */
export async function deactivateAccount(m: EntityManager, accountId: number, reason: string, at: Date): Promise<void> {
  await m.update(BrokerAccount, accountId, { isActive: false, deactivationReason: reason, deactivatedAt: at });
}

/** Puts an account back into trading (a breaker reset), clearing the deactivation. */
export async function reactivateAccount(m: EntityManager, accountId: number): Promise<void> {
  await m.update(BrokerAccount, accountId, { isActive: true, deactivationReason: null, deactivatedAt: null });
}

/** Switches an account between paper and live trading. */
export async function setPaperTrading(m: EntityManager, accountId: number, isPaperTrading: boolean): Promise<void> {
  await m.update(BrokerAccount, { id: accountId }, { isPaperTrading });
}
export type { AccountTradingState } from './entities/broker-account.entity';
