import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  effectiveTradingStateOf,
  isReducingOrder,
  istDateTimeOf,
  protectedLimitPrice,
  sliceQuantity,
  tickSize,
  type BrokerMargin,
  type Clock,
  type EntryCommand,
  type ExecutionClient,
  type OrderCommand,
  type RiskDenial,
} from '@mcube/domain';
import { And, DataSource, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { inTransaction } from '../../database/in-transaction';
import { MetricsService } from '../../metrics/metrics.service';
import { contractFreezeQuantity, contractLotSize } from '../data/instruments/contract-terms';
import { RiskContextService } from '../risk/context/risk-context.service';
import { consumeApprovalToken } from './approval/approval-token';
import { intentIdFor } from './client-order-id';
import { Order } from './entities/order.entity';
import { InstrumentStore } from '../data/instruments/instrument-store.service';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import type { EntryResult, SubmitDenial, SubmitResult } from './gateway-intent';
import { journalIntentRows, type JournalLeg } from './journal-intent';
import { applyOrderEventToNewRow } from './order-journal';
import { NO_FIGURES, OrderFiguresService } from './order-figures.service';
import { decideOrder } from './order-risk-decision';
import { closePositionIfFlat, reservePosition } from './position-slot';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from './ports/position-ledger.port';
import { reducesPosition } from './reduces-position';
import { SliceSender, type SendOutcome, type SliceToSend } from './slice-sender';
import { ORDER_THROTTLE, SegmentThrottle } from './throttle/segment-throttle';
import { isDuplicateClientOrderId, isUniqueViolation } from './unique-violation';
import { MARKET_CLOCK } from '../core/clock/clock.token';
import { SharedAccountMargins } from './paper/shared-account-margins';

/** Worst slippage a MARKET intent accepts once turned into a protected LIMIT (DECISIONS §3). */
export const MARKET_PROTECTION_PCT = 0.02;

const NO_MARGIN: BrokerMargin = { availablePaise: 0, usedPaise: 0, asOfMs: 0 };

/** One leg of a command once journaled: its intent, intent id, slices' rows and (protected) limit. */
interface JournaledLeg {
  readonly intent: OrderCommand;
  readonly intentId: string;
  readonly rows: Order[];
  readonly limitPrice: number;
}

/** A command the same idempotency key journaled before: its first results. */
interface Duplicate {
  readonly duplicate: SubmitResult[];
}

/**
 * The order gateway: the ONLY way an order reaches a broker, whoever sends it. A command is one
 * intent (`submit`) or a multi-leg entry (`submitEntry`, a strangle's two legs):
 * clientOrderId (idempotency key) → risk context + the gateway's own margin, risk and exposure
 * (`OrderFiguresService`) + the domain's checks on the account's state after the order
 * (`decideOrder`) → DENIED (every leg's orders journaled INITIALIZED + DENIED in one commit,
 * nothing leaves) or → the first slice's throttle turn → ONE commit of every leg's orders
 * INITIALIZED, the position slot of an entry and the first slice SUBMITTED (on disk before it
 * leaves: a crash after it is settled by reconciliation) → placeOrder → a second commit with
 * the broker's answer; further slices (SUBMITTED, answer) through the wall-clock segment
 * throttle (`SliceSender`), legs interleaved.
 */
@Injectable()
export class OrdersService {
  private readonly sender: SliceSender;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(ORDER_THROTTLE) throttle: SegmentThrottle,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly riskContext: RiskContextService,
    private readonly figures: OrderFiguresService,
    /** The positions tables (the entry's slot, the reduction check, the close of an empty position), the positions module's. */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
    /** The Prometheus instruments; absent in hand-built gateways. */
    @Optional() private readonly metrics?: MetricsService,
    /** Lot size and freeze quantity (slicing) from a stored broker master when one lists the contract. */
    @Optional() private readonly instruments?: InstrumentStore,
    /** Where a LIVE account's fetched margin is stored for the `api` process (absent in hand-built gateways). */
    @Optional() private readonly sharedMargins?: SharedAccountMargins,
  ) {
    this.sender = new SliceSender(dataSource, clock, throttle, ledger);
  }

  /**
   * Submits one intent (see the class comment). The same idempotency key returns the orders
   * journaled the first time, `duplicate: true`, and sends nothing. Throws AppException
   * SERVICE_UNAVAILABLE when the account has no broker client (nothing is journaled),
   * NOT_FOUND for an unknown account; DomainError for a malformed intent.
   */
  async submit(intent: OrderCommand): Promise<SubmitResult> {
    const startedAt = performance.now();
    const client = this.clientFor(intent.accountId);
    const results = await this.submitOnce(client, [intent], [intentIdFor(intent.accountId, intent.idempotencyKey)]);
    return (isDuplicate(results) ? results.duplicate : this.measured('submit', startedAt, results))[0];
  }

  /**
   * Submits a multi-leg ENTRY as one command: checked as a whole (shape, margin of every leg,
   * one position), every leg journaled before any is sent, one position reserved, slices sent
   * CE/PE interleaved; a slice the broker rejects stops the rest (withdrawn). Idempotent on
   * `idempotencyKey` like `submit`. Throws like `submit`, and VALIDATION_FAILED for no legs.
   */
  async submitEntry(entry: EntryCommand): Promise<EntryResult> {
    if (entry.legs.length === 0) throw new AppException('VALIDATION_FAILED', ['an entry needs at least one leg']);
    const startedAt = performance.now();
    const client = this.clientFor(entry.accountId);
    const legs: OrderCommand[] = entry.legs.map((l) => ({ ...l, accountId: entry.accountId, purpose: 'ENTRY', strategyType: entry.strategyType, approval: entry.approval, callerFigures: entry.callerFigures, product: entry.product, idempotencyKey: entry.idempotencyKey }));
    const ids = legs.map((_, i) => intentIdFor(entry.accountId, entry.idempotencyKey === undefined ? undefined : `${entry.idempotencyKey}#${i + 1}`));
    const outcome = await this.submitOnce(client, legs, ids);
    const results = isDuplicate(outcome) ? outcome.duplicate : this.measured('entry', startedAt, outcome);
    return { duplicate: isDuplicate(outcome), positionId: results.find((r) => r.positionId !== null)?.positionId ?? null, legs: results, denial: results.find((r) => r.denial)?.denial };
  }

  /** Orders journaled for an intent id (its slices), oldest first. */
  ordersOfIntent(intentId: string): Promise<Order[]> {
    // Slice ids are `<intentId>s<n>`: a range on the unique index, not a LIKE scan of the table.
    return this.dataSource
      .getRepository(Order)
      .find({ where: [{ clientOrderId: intentId }, { clientOrderId: And(MoreThanOrEqual(`${intentId}s`), LessThan(`${intentId}t`)) }], order: { id: 'ASC' } });
  }

  /**
   * Records the intent → ack latency (wall time, from `startedAt`) of a command whose orders
   * went to the broker; a denied one is counted by `deny` instead. Returns `results`.
   */
  private measured(path: 'submit' | 'entry', startedAt: number, results: SubmitResult[]): SubmitResult[] {
    // Acknowledged: every slice has the broker's answer (not still INITIALIZED or SUBMITTED).
    const acked = results.every((r) => !r.denial && r.statuses.length > 0 && r.statuses.every((s) => s !== 'INITIALIZED' && s !== 'SUBMITTED' && s !== 'DENIED'));
    if (this.metrics && acked) {
      this.metrics.intentAcked(path, performance.now() - startedAt);
    }
    return results;
  }

  private clientFor(accountId: number): ExecutionClient {
    const client = this.clients.get(accountId);
    if (!client) throw new AppException('SERVICE_UNAVAILABLE', `account ${accountId} has no broker connection`);
    return client;
  }

  /** A command once per idempotency key: a key seen before returns its first results (`Duplicate`), else the command is decided and sent. */
  private async submitOnce(client: ExecutionClient, intents: readonly OrderCommand[], intentIds: readonly string[]): Promise<SubmitResult[] | Duplicate> {
    // A random id is new by construction; only a caller's key can have been seen before.
    if (intents[0].idempotencyKey !== undefined && (await this.ordersOfIntent(intentIds[0])).length > 0) return { duplicate: await this.resultsOf(intentIds, true) };
    try {
      return await this.decideAndSend(client, this.plan(intents, intentIds));
    } catch (error) {
      // The same key journaled concurrently: its commit won, this one wrote nothing.
      if (!isDuplicateClientOrderId(error)) throw error;
      return { duplicate: await this.resultsOf(intentIds, true) };
    }
  }

  /** Slices and prices every leg (nothing written yet). */
  private plan(intents: readonly OrderCommand[], intentIds: readonly string[]): JournalLeg[] {
    const { date } = istDateTimeOf(this.clock.nowMs());
    return intents.map((intent, i) => {
      const lotSize = contractLotSize(this.instruments, intent.instrument.underlying, intent.instrument.expiry);
      const freeze = contractFreezeQuantity(this.instruments, intent.instrument.underlying, date, intent.instrument.expiry);
      const slices = Number.isSafeInteger(intent.quantity) && intent.quantity > 0 && intent.quantity % lotSize === 0 ? sliceQuantity({ quantity: intent.quantity, lotSize, freezeQuantity: freeze }) : [intent.quantity];
      const limitPrice = intent.orderType === 'MARKET' ? protectedLimitPrice({ side: intent.side, referencePrice: intent.limitPrice, protectionPct: MARKET_PROTECTION_PCT, tickSize }) : intent.limitPrice;
      return { intent, intentId: intentIds[i], slices, limitPrice };
    });
  }

  /** Risk checks (at the time of the call, with the gateway's figures), then DENIED, or the journal commit with the position slot and the sends. */
  private async decideAndSend(client: ExecutionClient, legs: readonly JournalLeg[]): Promise<SubmitResult[]> {
    const first = legs[0].intent;
    const nowMs = this.clock.nowMs();
    const margin = await client.availableMargin().then(
      (m) => {
        // Write-through (not awaited): the `api` process shows a LIVE account's margin from the figures its worker fetched.
        this.sharedMargins?.storeLive(first.accountId, client, m);
        return m;
      },
      () => NO_MARGIN,
    );
    const gathered = await this.riskContext.gather({ accountId: first.accountId, instrument: first.instrument, purpose: first.purpose, margin });
    // Whenever the account is not ACTIVE, a reduction must be one the broker confirms (DECISIONS §6).
    const broker = effectiveTradingStateOf(gathered.context).effective === 'ACTIVE' ? undefined : client;
    const decisionLegs = [];
    for (const l of legs) decisionLegs.push({ intent: l.intent, limitPrice: l.limitPrice, reducesPosition: await reducesPosition(this.ledger, this.dataSource.manager, l.intent, gathered.activePosition, { intentId: l.intentId, broker }) });
    const opening = decisionLegs.some((l) => !isReducingOrder({ purpose: l.intent.purpose, reducesPosition: l.reducesPosition }));
    const figures = opening
      ? await this.figures.figures({ client, accountId: first.accountId, legs, date: gathered.context.date, stops: gathered.stops, caller: first.callerFigures })
      : NO_FIGURES;
    const decision = decideOrder({ legs: decisionLegs, context: gathered.context, broker: gathered.account.broker, figures });
    if (!decision.ok && decision.firstDenial) return this.deny(legs, decision.firstDenial, decision.codes, figures.marginSources);
    // broker:check's test order proves the live path: only on an account stored LIVE.
    if (first.purpose === 'TEST_ORDER' && gathered.account.isPaperTrading) {
      const denial: RiskDenial = { ok: false, code: 'TEST_ORDER_INVALID', message: `a test order needs a LIVE account: account ${first.accountId} is PAPER`, context: { accountId: String(first.accountId), mode: 'PAPER' } };
      return this.deny(legs, denial, [denial.code], {});
    }
    // A person's approval is a single-use token bound to this very order: verified and consumed last, so a denied order never burns it.
    if (gathered.context.account.requiresApproval) {
      for (const [i, l] of decisionLegs.entries()) {
        if (l.intent.purpose !== 'ENTRY' && l.intent.purpose !== 'AVERAGE') continue;
        const tokenDenial = await consumeApprovalToken(this.dataSource, { intent: l.intent, limitPrice: l.limitPrice, intentId: legs[i].intentId, nowMs });
        if (tokenDenial) return this.deny(legs, tokenDenial, [tokenDenial.code], {});
      }
    }
    try {
      return await this.journalAndSend(client, legs, first.purpose === 'ENTRY' && first.positionId === undefined ? figures : undefined);
    } catch (error) {
      if (!isUniqueViolation(error, this.ledger.oneActivePositionIndex) || isDuplicateClientOrderId(error)) throw error;
      const denial: RiskDenial = { ok: false, code: 'ACTIVE_POSITION_EXISTS', message: `account ${first.accountId} already has an active position`, context: { accountId: String(first.accountId), by: 'database' } };
      return this.deny(legs, denial, [denial.code], {});
    }
  }

  /**
   * The passed command's two commits: in the first slice's throttle turn, every leg's orders
   * INITIALIZED + the entry's position slot (when `reserve` carries its figures; the partial
   * unique index decides a race between two entries) + that slice SUBMITTED in ONE transaction;
   * then placeOrder and the broker's answer (`SliceSender.sendJournaling`); then the other slices.
   * An unexpected failure after the first commit withdraws what was not sent.
   */
  private async journalAndSend(client: ExecutionClient, planned: readonly JournalLeg[], reserve: { marginPaise: number; exposurePaise: number } | undefined): Promise<SubmitResult[]> {
    let legs: JournaledLeg[] = [];
    let positionId = planned[0].intent.positionId ?? null;
    const journal = async (m: EntityManager, atMs: number): Promise<Order> => {
      if (reserve) positionId = (await reservePosition(this.ledger, m, planned[0].intent, atMs, reserve)).id;
      const withPosition = planned.map((l) => ({ ...l, intent: { ...l.intent, positionId: positionId ?? undefined } }));
      const rows = await journalIntentRows(m, { legs: withPosition, nowMs: atMs });
      const submitted = await applyOrderEventToNewRow(m, rows[0][0], { type: 'SUBMITTED', occurredAtMs: atMs, recordedAtMs: atMs });
      // Set last: a failure above rolls the whole commit back, and then there is nothing to withdraw.
      legs = withPosition.map((l, i) => ({ intent: l.intent, intentId: l.intentId, limitPrice: l.limitPrice, rows: rows[i] }));
      return submitted;
    };
    const isEntry = planned[0].intent.purpose === 'ENTRY';
    const outcomes: SendOutcome[] = [];
    try {
      outcomes.push((await this.sender.sendJournaling(client, planned[0].intent, journal)).outcome);
      const rest = interleaved(legs).slice(1);
      if (isEntry && outcomes[0].type === 'REJECTED') await this.sender.withdraw(rest.map((s) => s.row), 'not sent: the broker rejected another order of this entry');
      else outcomes.push(...(await this.sender.sendAll(client, rest, { stopAfterReject: isEntry })));
    } catch (error) {
      if (legs.length > 0) await this.sender.withdraw(legs.flatMap((l) => l.rows));
      throw error;
    }
    // Only an order the broker did not take can leave the position empty (a fill closes it through the fill path).
    if (positionId !== null && outcomes.some((o) => o.type !== 'ACCEPTED')) {
      const pid = positionId;
      await inTransaction(this.dataSource, (m) => closePositionIfFlat(this.ledger, m, pid, this.clock.nowMs(), 'ENTRY_NOT_FILLED'));
    }
    return this.resultsOf(legs.map((l) => l.intentId), false);
  }

  /** A denied command: every leg's orders journaled INITIALIZED + DENIED (codes and context) in one commit; nothing leaves. */
  private async deny(legs: readonly JournalLeg[], denial: RiskDenial, codes: readonly string[], marginSources: Readonly<Record<string, number>>): Promise<SubmitResult[]> {
    const atMs = this.clock.nowMs();
    const context = { ...denial.context, ...marginSources, allDenials: codes.join(',') };
    this.metrics?.denied(codes);
    await inTransaction(this.dataSource, async (m) => {
      const rows = await journalIntentRows(m, { legs, nowMs: atMs });
      for (const row of rows.flat()) {
        await applyOrderEventToNewRow(m, row, { type: 'DENIED', code: denial.code, message: denial.message, context, occurredAtMs: atMs, recordedAtMs: atMs });
      }
    });
    return this.resultsOf(legs.map((l) => l.intentId), false);
  }

  private async resultsOf(intentIds: readonly string[], duplicate: boolean): Promise<SubmitResult[]> {
    const out: SubmitResult[] = [];
    for (const id of intentIds) out.push(this.result(id, await this.ordersOfIntent(id), duplicate));
    return out;
  }

  private result(intentId: string, rows: Order[], duplicate: boolean): SubmitResult {
    return { intentId, duplicate, orderIds: rows.map((r) => r.id), statuses: rows.map((r) => r.status), positionId: rows[0]?.positionId ?? null, denial: denialOfRows(rows) };
  }
}

function isDuplicate(results: SubmitResult[] | Duplicate): results is Duplicate {
  return !Array.isArray(results);
}

/** The denial stored on an intent's rows (every code, from `allDenials`), or undefined. */
function denialOfRows(rows: readonly Order[]): SubmitDenial | undefined {
  const denied = rows.find((r) => r.status === 'DENIED' && r.denialCode);
  if (!denied?.denialCode) return undefined;
  const context = denied.denialContext ?? {};
  const all = typeof context['allDenials'] === 'string' ? context['allDenials'].split(',').filter(Boolean) : [denied.denialCode];
  return { code: denied.denialCode as SubmitDenial['code'], codes: all as SubmitDenial['codes'], message: denied.statusReason ?? '', context };
}

/** Slices of every leg, interleaved (CE 1, PE 1, CE 2, PE 2…): a lagging leg stays at most one slice behind. */
function interleaved(legs: readonly JournaledLeg[]): SliceToSend[] {
  const out: SliceToSend[] = [];
  const most = Math.max(...legs.map((l) => l.rows.length));
  for (let k = 0; k < most; k++) for (const l of legs) if (l.rows[k]) out.push({ row: l.rows[k], intent: l.intent });
  return out;
}
