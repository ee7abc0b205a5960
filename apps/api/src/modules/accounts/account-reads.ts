import type { BrokerCode, TradingStateCode } from '@mcube/contracts';
import { In, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { BrokerAccount } from './entities/broker-account.entity';

/**
 * The accounts module's small reads of `broker_accounts` for other modules (alert texts, trade
 * lists, the learning update, the backtest drift, the Telegram bot, the exit chaser), so that
 * they never import its entity.
 */

/** A whole account row as other modules see it: read-only, never saved back by them. */
export type AccountFacts = Readonly<BrokerAccount>;

/** Which accounts `accountsWhere` returns: every given field must match. */
export interface AccountFilter {
  readonly ids?: readonly number[];
  readonly broker?: BrokerCode;
  readonly isActive?: boolean;
  readonly isPaperTrading?: boolean;
}

/** The accounts matching `filter` (all when empty), in id order; inside a transaction when given its manager. */
export function accountsWhere(source: DataSource | EntityManager, filter: AccountFilter = {}): Promise<AccountFacts[]> {
  const where: FindOptionsWhere<BrokerAccount> = {};
  if (filter.ids) where.id = In([...filter.ids]);
  if (filter.broker !== undefined) where.broker = filter.broker;
  if (filter.isActive !== undefined) where.isActive = filter.isActive;
  if (filter.isPaperTrading !== undefined) where.isPaperTrading = filter.isPaperTrading;
  return source.getRepository(BrokerAccount).find({ where, order: { id: 'ASC' } });
}

/** One account, or null when there is no such account. */
export function accountById(source: DataSource | EntityManager, accountId: number): Promise<AccountFacts | null> {
  return source.getRepository(BrokerAccount).findOne({ where: { id: accountId } });
}

/** Every account id, in id order. */
export async function accountIds(source: DataSource | EntityManager, filter: Pick<AccountFilter, 'isActive'> = {}): Promise<number[]> {
  const where: FindOptionsWhere<BrokerAccount> = filter.isActive === undefined ? {} : { isActive: filter.isActive };
  return (await source.getRepository(BrokerAccount).find({ where, order: { id: 'ASC' }, select: { id: true } })).map((a) => a.id);
}

/** Whether an account with this id exists. */
export function accountExists(dataSource: DataSource, accountId: number): Promise<boolean> {
  return dataSource.getRepository(BrokerAccount).exists({ where: { id: accountId } });
}

/** The account's name, or null when there is no such account. */
export async function accountNameOf(dataSource: DataSource, accountId: number): Promise<string | null> {
  const account = await dataSource.getRepository(BrokerAccount).findOne({ where: { id: accountId }, select: { id: true, name: true } });
  return account?.name ?? null;
}

/** Every account's broker, by account id. */
export async function brokersByAccount(dataSource: DataSource): Promise<Map<number, BrokerCode>> {
  const accounts = await dataSource.getRepository(BrokerAccount).find({ select: { id: true, broker: true } });
  return new Map(accounts.map((a) => [a.id, a.broker]));
}

/** Every account's name, by account id. */
export async function accountNames(dataSource: DataSource): Promise<Map<number, string>> {
  const accounts = await dataSource.getRepository(BrokerAccount).find({ select: { id: true, name: true } });
  return new Map(accounts.map((a) => [a.id, a.name]));
}

/** The names of these accounts, in id order (an unknown id is left out). */
export async function namesOfAccounts(dataSource: DataSource, accountIds: readonly number[]): Promise<string[]> {
  const accounts = await dataSource.getRepository(BrokerAccount).find({ where: { id: In([...accountIds]) }, order: { id: 'ASC' }, select: { id: true, name: true } });
  return accounts.map((a) => a.name);
}

/** The active accounts of one broker, id and name, in id order. */
export function activeAccountsOf(dataSource: DataSource, broker: BrokerCode): Promise<{ id: number; name: string }[]> {
  return dataSource.getRepository(BrokerAccount).find({ where: { broker, isActive: true }, order: { id: 'ASC' }, select: { id: true, name: true } });
}

/** The account's stored kill-switch state, or null when there is no such account. */
export async function killSwitchStateOf(dataSource: DataSource, accountId: number): Promise<TradingStateCode | null> {
  const account = await dataSource.getRepository(BrokerAccount).findOne({ where: { id: accountId }, select: { id: true, tradingState: true } });
  return account?.tradingState ?? null;
}

/** Whether the account trades LIVE now (stored mode; false for an unknown account). */
export async function isLiveAccount(dataSource: DataSource, accountId: number): Promise<boolean> {
  const account = await dataSource.getRepository(BrokerAccount).findOne({ where: { id: accountId }, select: { id: true, isPaperTrading: true } });
  return account?.isPaperTrading === false;
}
