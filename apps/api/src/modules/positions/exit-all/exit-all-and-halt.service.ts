import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ExitAllAccountProgress, ExitAllAndHaltResponse, ExitAllLegProgress } from '@mcube/contracts';
import { instrumentName } from '@mcube/contracts';
import { isOpen, istDateTimeOf, killSwitchVerdict, type Clock } from '@mcube/domain';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { accountById, accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { AuditService } from '../../core/audit/audit.service';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { CancelOrderService } from '../../orders/cancel-order.service';
import { exitOrdersOf, ordersOfAccount } from '../../orders/order-reads';
import { TradingStateService } from '../../risk/context/trading-state.service';
import { KillSwitchService, type KillSwitchActor } from '../../risk/kill-switch/kill-switch.service';
import { PositionLeg } from '../entities/position-leg.entity';
import { Position } from '../entities/position.entity';
import { ManualExitService } from '../manual-exit.service';
import { PendingHaltRow } from './pending-halt.entity';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** How often a waiting halt re-checks whether its account is flat. */
export const SETTLE_EVERY_MS = 5_000;

/**
 * "Exit all and halt", the console's panic button. For each chosen account: the kill switch goes
 * to REDUCING (no new entry; exits still leave: HALTED would stop them), its working orders that
 * are not exits are canceled (a resting entry leg must not open risk again), every open position is
 * exited THROUGH THE GATEWAY by the manual-exit machinery (stored EXITING, owner PERSON, worked
 * leg by leg by the exit chaser until flat), and once the account holds no open position the
 * kill switch is set HALTED (at once when already flat; else on the `position.updated` that
 * closes the last one, or at the next check every `SETTLE_EVERY_MS`). Everything is audited:
 * the request (EXIT_ALL_AND_HALT) and each kill-switch move (KILL_SWITCH). Authority is the kill switch's: a trader may do it;
 * an account HALTED by an admin with an open position is FORBIDDEN to a trader (its exits could
 * not leave without lifting the admin's halt), and nothing changes.
 * The wait for flat is stored (`pending_halts`, one row per account, written before the account
 * goes REDUCING): after a restart the waits are read back and the checks resume, so the account
 * still goes HALTED once flat. A wait is dropped without halting when a person moved the kill
 * switch away from REDUCING meanwhile (they decided; the button's intent is not replayed over it).
 * The row is claimed by deleting it before HALTED is set, so an API and a worker checking the
 * same account halt it once.
 */
@Injectable()
export class ExitAllAndHaltService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ExitAllAndHalt');
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exits: ManualExitService,
    private readonly killSwitch: KillSwitchService,
    private readonly states: TradingStateService,
    private readonly audit: AuditService,
    private readonly bus: AppEventsBus,
    private readonly cancels: CancelOrderService,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((m) => {
      if (m.event === 'position.updated' && m.data.status === 'CLOSED') void this.settleQuietly(m.data.accountId);
    });
    // Also checked every few seconds (and so at once after a restart): a position can close without an event (a canceled entry leg settled).
    this.timer = setInterval(() => void this.settleAllQuietly(), SETTLE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Flattens and halts `accountId` (every account when absent); returns the progress right after the exits were sent. */
  async exitAllAndHalt(reason: string, accountId?: number): Promise<ExitAllAndHaltResponse> {
    const actor = actorOfRequest();
    const accounts = await this.chosenAccounts(accountId);
    const open = await this.openPositionsByAccount(accounts.map((a) => a.id));
    // Checked for every account before anything changes: one refusal leaves all as they were.
    refuseIfForbidden(accounts, open, actor);
    const exited: number[] = [];
    const denials = new Map<number, string>();
    for (const a of accounts) {
      const positions = open.get(a.id) ?? [];
      await this.audit.record({ action: 'EXIT_ALL_AND_HALT', entity: 'broker_account', entityId: String(a.id), oldValue: { tradingState: a.tradingState }, newValue: { reason, positionIds: positions.map((p) => p.id) } });
      if (positions.length === 0) {
        // Already flat: halted now, and an older wait of the account is done with.
        await this.dataSource.getRepository(PendingHaltRow).delete({ accountId: a.id });
        if (a.tradingState !== 'HALTED') await this.killSwitch.set('HALTED', `exit all and halt: ${reason}`, a.id, actor);
        continue;
      }
      await this.storeWait(a.id, reason, actor);
      await this.killSwitch.set('REDUCING', `exit all and halt (flattening): ${reason}`, a.id, actor);
      await this.cancelWorkingNonExits(a.id);
      for (const p of positions) {
        exited.push(p.id);
        try {
          const { exits } = await this.exits.exit(p.id, `exit all and halt: ${reason}`);
          const denied = exits.find((e) => e.denial)?.denial;
          if (denied) denials.set(p.id, `${denied.code}: ${denied.message}`);
        } catch (error) {
          // A position that closed meanwhile is no longer exited (CONFLICT): the others still are.
          if (!(error instanceof AppException && error.code === 'CONFLICT')) throw error;
        }
      }
      await this.settle(a.id);
    }
    return { reason, accounts: await this.progress(accounts.map((a) => a.id), exited, denials) };
  }

  /**
   * The accounts "exit all and halt" without an account acts on, once the caller is found allowed
   * on every one of them (the same check as `exitAllAndHalt`, FORBIDDEN otherwise): an `api`
   * process checks them all before it sends one command per account to its lease holder.
   */
  async accountsToExitAll(): Promise<number[]> {
    const accounts = await this.chosenAccounts();
    refuseIfForbidden(accounts, await this.openPositionsByAccount(accounts.map((a) => a.id)), actorOfRequest());
    return accounts.map((a) => a.id);
  }

  /** The progress of every halt still waiting for flat (after a restart, or for a console opened later): their accounts' open positions. */
  async waitingProgress(): Promise<ExitAllAndHaltResponse> {
    const waits = await this.dataSource.getRepository(PendingHaltRow).find({ order: { accountId: 'ASC' } });
    if (waits.length === 0) return { reason: '', accounts: [] };
    const accountIds = waits.map((w) => w.accountId);
    const open = await this.openPositionsByAccount(accountIds);
    const positionIds = [...open.values()].flat().map((p) => p.id);
    return { reason: waits.map((w) => w.reason).join('; '), accounts: await this.progress(accountIds, positionIds) };
  }

  /** Where each account stands: the positions this request exited, leg by leg with their exit orders, and its state. */
  async progress(accountIds: readonly number[], positionIds: readonly number[], denials: ReadonlyMap<number, string> = new Map()): Promise<ExitAllAccountProgress[]> {
    const accounts = await accountsWhere(this.dataSource, { ids: accountIds });
    const positions = positionIds.length === 0 ? [] : await this.dataSource.getRepository(Position).find({ where: { id: In([...positionIds]) }, order: { id: 'ASC' } });
    const fields = await this.states.ofMany(accounts);
    const out: ExitAllAccountProgress[] = [];
    for (const a of accounts) {
      const rows = [];
      for (const p of positions.filter((x) => x.accountId === a.id)) rows.push({ positionId: p.id, legs: await this.legProgress(p.id), denial: denials.get(p.id) ?? null });
      const halted = a.tradingState === 'HALTED' && !(await this.hasOpenPosition(a.id));
      out.push({ accountId: a.id, tradingState: fields.get(a.id)?.tradingState ?? a.tradingState, halted, positions: rows });
    }
    return out;
  }

  /**
   * Sets HALTED for `accountId` when a stored halt waits for it and it holds no open position; true
   * when it did. A wait whose account a person moved off REDUCING meanwhile is dropped (false).
   */
  async settle(accountId: number): Promise<boolean> {
    const waits = this.dataSource.getRepository(PendingHaltRow);
    const waiting = await waits.findOne({ where: { accountId } });
    if (!waiting) return false;
    const account = await accountById(this.dataSource, accountId);
    if (account && account.tradingState !== 'REDUCING') {
      await waits.delete({ id: waiting.id });
      this.logger.warn(`account ${accountId}: the halt waiting for flat is dropped, the kill switch was set ${account.tradingState} meanwhile`);
      return false;
    }
    if (!account || (await this.hasOpenPosition(accountId))) return false;
    // Claimed by the delete: of two processes checking at once, only the one that deleted the row halts.
    const claimed = await waits.delete({ id: waiting.id });
    if (claimed.affected === 0) return false;
    const actor: KillSwitchActor = { username: waiting.requestedBy, role: waiting.requestedByRole };
    try {
      await this.killSwitch.set('HALTED', `exit all and halt (flat): ${waiting.reason}`, accountId, actor);
    } catch (error) {
      // Kept for the next check rather than forgotten.
      await this.storeWait(accountId, waiting.reason, actor);
      throw error;
    }
    return true;
  }

  /** Accounts whose halt still waits for the last leg (stored). */
  async waitingAccounts(): Promise<number[]> {
    return (await this.dataSource.getRepository(PendingHaltRow).find({ order: { accountId: 'ASC' } })).map((w) => w.accountId);
  }

  /** Stores (or replaces) the account's wait for flat. */
  private async storeWait(accountId: number, reason: string, actor: KillSwitchActor): Promise<void> {
    const waits = this.dataSource.getRepository(PendingHaltRow);
    await waits.delete({ accountId });
    await waits.insert({ accountId, reason, requestedBy: actor.username, requestedByRole: actor.role });
  }

  private async settleAllQuietly(): Promise<void> {
    let ids: number[];
    try {
      ids = await this.waitingAccounts();
    } catch (error) {
      this.logger.error(`halts waiting for flat not read: ${(error as Error).message}`);
      return;
    }
    for (const id of ids) await this.settleQuietly(id);
  }

  private async settleQuietly(accountId: number): Promise<void> {
    try {
      await this.settle(accountId);
    } catch (error) {
      this.logger.error(`account ${accountId} not halted after flattening: ${(error as Error).message}`);
    }
  }

  private async legProgress(positionId: number): Promise<ExitAllLegProgress[]> {
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId }, order: { id: 'ASC' } });
    const orders = await exitOrdersOf(this.dataSource, positionId);
    const year = Number(istDateTimeOf(this.clock.nowMs()).date.slice(0, 4));
    return legs.map((l) => ({
      legId: l.id,
      tradingSymbol: l.tradingSymbol,
      name: instrumentName({ underlying: l.underlying, expiryDate: l.expiryDate, strike: l.strike, optionType: l.instrumentType }, year),
      optionType: l.instrumentType === 'FUT' ? null : l.instrumentType,
      strike: l.strike,
      side: l.side,
      openQuantity: l.quantity,
      exitOrders: orders.filter((o) => o.tradingSymbol === l.tradingSymbol).map((o) => ({ id: o.id, status: o.status })),
    }));
  }

  /** Cancels the account's working orders that are not exits (an entry leg still resting would open risk again once flat). */
  private async cancelWorkingNonExits(accountId: number): Promise<void> {
    const working = (await ordersOfAccount(this.dataSource, accountId)).filter((o) => o.purpose !== 'EXIT' && isOpen(o.status) && o.status !== 'PENDING_CANCEL');
    for (const o of working) {
      try {
        await this.cancels.cancel(o.id);
      } catch (error) {
        // Filled or ended meanwhile: its leg is then exited like the others.
        if (!(error instanceof AppException && error.code === 'CONFLICT')) throw error;
      }
    }
  }

  private async chosenAccounts(accountId?: number): Promise<AccountFacts[]> {
    const accounts = await accountsWhere(this.dataSource, accountId === undefined ? {} : { ids: [accountId] });
    if (accountId !== undefined && accounts.length === 0) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
    return accounts;
  }

  private async openPositionsByAccount(accountIds: readonly number[]): Promise<Map<number, Position[]>> {
    const rows = await this.dataSource.getRepository(Position).find({ where: { accountId: In([...accountIds]), status: 'ACTIVE' }, order: { id: 'ASC' } });
    const out = new Map<number, Position[]>();
    for (const p of rows) {
      const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: p.id } });
      if (legs.every((l) => l.quantity === 0)) continue;
      out.set(p.accountId, [...(out.get(p.accountId) ?? []), p]);
    }
    return out;
  }

  private async hasOpenPosition(accountId: number): Promise<boolean> {
    return (await this.openPositionsByAccount([accountId])).has(accountId);
  }
}

/** Throws FORBIDDEN when the caller may not move one of `accounts` holding open positions off HALTED (an admin's halt, for a trader). */
function refuseIfForbidden(accounts: readonly AccountFacts[], open: ReadonlyMap<number, unknown>, actor: KillSwitchActor): void {
  for (const a of accounts) {
    if (a.tradingState !== 'HALTED' || !open.has(a.id)) continue;
    const verdict = killSwitchVerdict({ from: 'HALTED', setBy: a.tradingStateSetByRole, to: 'REDUCING', actor: actor.role === 'system' ? 'admin' : actor.role, allAccounts: false });
    if (!verdict.ok) throw new AppException('FORBIDDEN', `account ${a.id}: ${verdict.reason}; its positions cannot be exited while it is HALTED`);
  }
}

/** The caller of the current request, else the system. */
function actorOfRequest(): KillSwitchActor {
  const principal = currentRequestContext()?.principal;
  return principal ? { username: principal.username, role: principal.role } : { username: 'system', role: 'system' };
}
