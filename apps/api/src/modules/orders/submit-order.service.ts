import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  BrokerError,
  effectiveTradingStateOf,
  istDateTimeOf,
  lotSizeFor,
  freezeQuantityFor,
  paiseOfPrice,
  placeOrderOutcome,
  protectedLimitPrice,
  runRiskChecks,
  sliceQuantity,
  tickSize,
  type BrokerMargin,
  type Clock,
  type ExecutionClient,
  type OrderIntent,
  type RiskDenial,
} from '@mcube/domain';
import { And, DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { inTransaction } from '../../database/in-transaction';
import { JOB_QUEUE, type JobQueue } from '../../jobs/job-queue.port';
import type { OrderSubmitPayload } from '../../jobs/job-registry';
import { CLOCK, SLEEP, type Sleep } from '../core/clock/clock.token';
import { ONE_ACTIVE_POSITION_INDEX } from '../positions/entities/position.entity';
import { RiskContextService } from '../risk/context/risk-context.service';
import { intentIdFor } from './client-order-id';
import { Order } from './entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import type { GatewayIntent, SubmitResult } from './gateway-intent';
import { journalIntent } from './journal-intent';
import { applyOrderEventToRow } from './order-journal';
import { closePositionIfFlat, reservePosition } from './position-slot';
import { gatewayIntentOfRows, claimQueuedRows } from './queued-intent';
import { reducesPosition } from './reduces-position';
import { SegmentThrottle } from './segment-throttle';
import { isUniqueViolation } from './unique-violation';

/** Worst slippage a MARKET intent accepts once turned into a protected LIMIT (DECISIONS §3). */
export const MARKET_PROTECTION_PCT = 0.02;

type SendOutcome = { type: 'ACCEPTED'; brokerOrderId: string } | { type: 'REJECTED'; reason: string } | { type: 'SEND_TIMED_OUT' };

const NO_MARGIN: BrokerMargin = { availablePaise: 0, usedPaise: 0, asOfMs: 0 };

/**
 * The order gateway: the ONLY way an order reaches a broker, whoever sends it.
 * `submit`: clientOrderId (idempotency key) → journal (orders INITIALIZED, committed first)
 * → risk context + the domain's `runRiskChecks` → DENIED (stored with code and context,
 * nothing leaves) or → position slot for an entry → per slice: segment throttle, SUBMITTED,
 * `placeOrder` with the clientOrderId as tag → ACCEPTED / REJECTED, or on an unknown outcome
 * SUBMITTED + `inFlightUnknown` (settled later by tag, never resubmitted).
 */
@Injectable()
export class OrdersService {
  private readonly throttle: SegmentThrottle;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SLEEP) sleep: Sleep,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly riskContext: RiskContextService,
    /** The job queue `enqueue` uses; absent in hand-built gateways of unit tests. */
    @Optional() @Inject(JOB_QUEUE) private readonly jobs?: JobQueue,
  ) {
    this.throttle = new SegmentThrottle(clock, sleep);
  }

  /**
   * Submits one intent (see the class comment). The same idempotency key returns the
   * orders journaled the first time, `duplicate: true`, and sends nothing. Throws
   * AppException SERVICE_UNAVAILABLE when the account has no broker client (nothing is
   * journaled), NOT_FOUND for an unknown account; DomainError for a malformed intent.
   */
  async submit(intent: GatewayIntent): Promise<SubmitResult> {
    const client = this.clientFor(intent.accountId);
    const journaled = await this.journalOnce(intent, false);
    if ('duplicate' in journaled) return journaled.duplicate;
    return this.sendJournaled(client, intent, journaled.intentId, journaled.rows, journaled.limitPrice);
  }

  /**
   * Journals the intent (orders INITIALIZED, `queuedAt` set, everything a later send needs
   * stored on the rows) and enqueues `orders.submit` {clientOrderId: the intent id,
   * accountId}; the job runs `runQueued`. Idempotent like `submit`. Throws AppException
   * SERVICE_UNAVAILABLE when the account has no broker client or this process has no job
   * queue (nothing is journaled then), DomainError for a malformed intent.
   */
  async enqueue(intent: GatewayIntent): Promise<SubmitResult> {
    this.clientFor(intent.accountId);
    if (!this.jobs) throw new AppException('SERVICE_UNAVAILABLE', 'this process has no job queue');
    // The run re-reads the price from the row (integer paise): a finer price would change silently.
    if (paiseOfPrice(intent.limitPrice) !== intent.limitPrice * 100) throw new AppException('VALIDATION_FAILED', [`limitPrice ${intent.limitPrice} is not a whole number of paise`]);
    const journaled = await this.journalOnce(intent, true);
    if ('duplicate' in journaled) return journaled.duplicate;
    await this.jobs.enqueue('orders.submit', { clientOrderId: journaled.intentId, accountId: intent.accountId });
    return this.result(journaled.intentId, journaled.rows, false);
  }

  /**
   * The `orders.submit` job: loads the journaled intent, claims it (see `claimQueuedRows`)
   * and runs the same risk checks and send path as `submit`, at run time. A job for an intent
   * that is unknown, not queued or no longer INITIALIZED (a redelivery) does nothing and
   * returns null. Throws AppException SERVICE_UNAVAILABLE when the account lost its broker
   * client (the orders are withdrawn: CANCELED, nothing sent).
   */
  async runQueued(payload: OrderSubmitPayload): Promise<SubmitResult | null> {
    const rows = (await this.ordersOfIntent(payload.clientOrderId)).filter((r) => r.accountId === payload.accountId);
    if (rows.length === 0 || !(await claimQueuedRows(this.dataSource, rows, this.clock.nowMs()))) return null;
    const client = this.clients.get(payload.accountId);
    if (!client) {
      await this.withdrawUnsent(rows);
      throw new AppException('SERVICE_UNAVAILABLE', `account ${payload.accountId} has no broker connection`);
    }
    const intent = gatewayIntentOfRows(rows);
    return this.sendJournaled(client, intent, payload.clientOrderId, rows, intent.limitPrice);
  }

  private clientFor(accountId: number): ExecutionClient {
    const client = this.clients.get(accountId);
    if (!client) throw new AppException('SERVICE_UNAVAILABLE', `account ${accountId} has no broker connection`);
    return client;
  }

  /** Slices, prices and journals an intent once per idempotency key; a key seen before returns its first result. */
  private async journalOnce(intent: GatewayIntent, queued: boolean): Promise<{ intentId: string; rows: Order[]; limitPrice: number } | { duplicate: SubmitResult }> {
    const intentId = intentIdFor(intent.accountId, intent.idempotencyKey);
    // A random id is new by construction; only a caller's key can have been seen before.
    if (intent.idempotencyKey) {
      const seen = await this.ordersOfIntent(intentId);
      if (seen.length > 0) return { duplicate: this.result(intentId, seen, true) };
    }
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const lotSize = lotSizeFor({ underlying: intent.instrument.underlying, expiry: intent.instrument.expiry });
    const freeze = freezeQuantityFor({ underlying: intent.instrument.underlying, date });
    const slices = Number.isSafeInteger(intent.quantity) && intent.quantity > 0 && intent.quantity % lotSize === 0 ? sliceQuantity({ quantity: intent.quantity, lotSize, freezeQuantity: freeze }) : [intent.quantity];
    const limitPrice =
      intent.orderType === 'MARKET' ? protectedLimitPrice({ side: intent.side, referencePrice: intent.limitPrice, protectionPct: MARKET_PROTECTION_PCT, tickSize }) : intent.limitPrice;
    try {
      return { intentId, limitPrice, rows: await journalIntent(this.dataSource, { intent, intentId, slices, limitPrice, nowMs, queued }) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { duplicate: this.result(intentId, await this.ordersOfIntent(intentId), true) };
    }
  }

  /** The part after the journal, shared by `submit` and `runQueued`; an unexpected failure withdraws what was not sent. */
  private async sendJournaled(client: ExecutionClient, intent: GatewayIntent, intentId: string, rows: Order[], limitPrice: number): Promise<SubmitResult> {
    try {
      return await this.decideAndSend({ client, intent, intentId, rows, limitPrice });
    } catch (error) {
      await this.withdrawUnsent(rows);
      throw error;
    }
  }

  /** Risk checks (at the time of the call), then DENIED, or the position slot and the sends. */
  private async decideAndSend(p: { client: ExecutionClient; intent: GatewayIntent; intentId: string; rows: Order[]; limitPrice: number }): Promise<SubmitResult> {
    const { client, intent, intentId, rows, limitPrice } = p;
    const nowMs = this.clock.nowMs();
    const margin = await client.availableMargin().catch(() => NO_MARGIN);
    const gathered = await this.riskContext.gather({ accountId: intent.accountId, instrument: intent.instrument, purpose: intent.purpose, margin });
    const domainIntent: OrderIntent = {
      accountId: String(intent.accountId),
      broker: gathered.account.broker,
      segment: intent.segment,
      instrument: intent.instrument,
      side: intent.side,
      quantity: intent.quantity,
      orderType: 'LIMIT',
      limitPrice,
      purpose: intent.purpose,
      // Whenever the account is not ACTIVE, a reduction must be one the broker confirms (DECISIONS §6).
      reducesPosition: await reducesPosition(this.dataSource.manager, intent, gathered.activePosition, { intentId, broker: effectiveTradingStateOf(gathered.context).effective === 'ACTIVE' ? undefined : client }),
      positionId: intent.positionId === undefined ? undefined : String(intent.positionId),
      approval: intent.approval,
      estimatedMarginPaise: intent.estimatedMarginPaise ?? 0,
      estimatedRiskPaise: intent.estimatedRiskPaise ?? 0,
      estimatedExposurePaise: intent.estimatedExposurePaise ?? 0,
    };
    const report = runRiskChecks(domainIntent, gathered.context);
    if (!report.ok && report.firstDenial) return this.deny(intentId, rows, report.firstDenial, report.denials.map((d) => d.code).join(','));

    let positionId = intent.positionId ?? null;
    if (intent.purpose === 'ENTRY' && positionId === null) {
      try {
        positionId = await inTransaction(this.dataSource, async (m) => {
          const position = await reservePosition(m, intent, nowMs);
          await m.update(Order, rows.map((r) => r.id), { positionId: position.id });
          return position.id;
        });
      } catch (error) {
        if (!isUniqueViolation(error, ONE_ACTIVE_POSITION_INDEX)) throw error;
        const denial: RiskDenial = { ok: false, code: 'ACTIVE_POSITION_EXISTS', message: `account ${intent.accountId} already has an active position`, context: { accountId: String(intent.accountId), by: 'database' } };
        return this.deny(intentId, rows, denial, denial.code);
      }
    }

    for (const row of rows) await this.send(client, row, intent);
    if (positionId !== null) {
      const pid = positionId;
      await inTransaction(this.dataSource, (m) => closePositionIfFlat(m, pid, this.clock.nowMs(), 'ENTRY_NOT_FILLED'));
    }
    return this.result(intentId, await this.ordersOfIntent(intentId), false);
  }

  /** After an unexpected failure: orders that never left mCube are withdrawn (CANCELED), so nothing stays INITIALIZED. */
  private async withdrawUnsent(rows: Order[]): Promise<void> {
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      for (const row of rows) {
        const current = await m.findOneBy(Order, { id: row.id });
        if (current?.status !== 'INITIALIZED') continue;
        await applyOrderEventToRow(m, row.id, { type: 'CANCELED', occurredAtMs: at, recordedAtMs: at });
        if (current.positionId !== null) await closePositionIfFlat(m, current.positionId, at, 'ENTRY_NOT_FILLED');
      }
    });
  }

  /** Orders journaled for an intent id (its slices), oldest first. */
  ordersOfIntent(intentId: string): Promise<Order[]> {
    // Slice ids are `<intentId>s<n>`: a range on the unique index, not a LIKE scan of the table.
    return this.dataSource
      .getRepository(Order)
      .find({ where: [{ clientOrderId: intentId }, { clientOrderId: And(MoreThanOrEqual(`${intentId}s`), LessThan(`${intentId}t`)) }], order: { id: 'ASC' } });
  }

  private async deny(intentId: string, rows: Order[], denial: RiskDenial, allCodes: string): Promise<SubmitResult> {
    const atMs = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      for (const row of rows) {
        await applyOrderEventToRow(m, row.id, { type: 'DENIED', code: denial.code, message: denial.message, context: { ...denial.context, allDenials: allCodes }, occurredAtMs: atMs, recordedAtMs: atMs });
      }
    });
    const result = this.result(intentId, await this.ordersOfIntent(intentId), false);
    return { ...result, denial: { code: denial.code, message: denial.message, context: denial.context } };
  }

  /** One slice: throttle turn → SUBMITTED journaled → placeOrder → the answer journaled. */
  private async send(client: ExecutionClient, row: Order, intent: GatewayIntent): Promise<void> {
    const { pending } = await this.throttle.send(intent.segment, async () => {
      const submittedAt = this.clock.nowMs();
      await inTransaction(this.dataSource, (m) => applyOrderEventToRow(m, row.id, { type: 'SUBMITTED', occurredAtMs: submittedAt, recordedAtMs: submittedAt }));
      return { pending: this.place(client, row, intent) };
    });
    const outcome = await pending;
    const at = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      const current = await m.findOneByOrFail(Order, { id: row.id });
      // A fill or update may have settled the order while the call was in flight.
      if (current.status !== 'SUBMITTED') return;
      if (outcome.type === 'ACCEPTED' && current.brokerOrderId === null) {
        await applyOrderEventToRow(m, row.id, { type: 'ACCEPTED', brokerOrderId: outcome.brokerOrderId, occurredAtMs: at, recordedAtMs: at });
      } else if (outcome.type === 'REJECTED') {
        await applyOrderEventToRow(m, row.id, { type: 'REJECTED', reason: outcome.reason, occurredAtMs: at, recordedAtMs: at });
      } else if (outcome.type === 'SEND_TIMED_OUT') {
        await applyOrderEventToRow(m, row.id, { type: 'SEND_TIMED_OUT', occurredAtMs: at, recordedAtMs: at });
      }
    });
  }

  /** Calls the broker; a failure is turned into REJECTED (not placed) or SEND_TIMED_OUT (unknown: never resent). */
  private async place(client: ExecutionClient, row: Order, intent: GatewayIntent): Promise<SendOutcome> {
    try {
      const ack = await client.placeOrder({
        clientOrderId: row.clientOrderId,
        accountId: String(row.accountId),
        instrument: { ...intent.instrument, segment: intent.segment, tradingSymbol: row.tradingSymbol },
        side: row.side,
        quantity: row.quantity,
        limitPrice: (row.limitPricePaise ?? 0) / 100,
        product: intent.product ?? 'NRML',
        validity: 'DAY',
      });
      return { type: 'ACCEPTED', brokerOrderId: ack.brokerOrderId };
    } catch (error) {
      const known = error instanceof BrokerError && placeOrderOutcome(error.kind) === 'NOT_PLACED';
      return known ? { type: 'REJECTED', reason: `${(error as BrokerError).kind}: ${(error as BrokerError).message}` } : { type: 'SEND_TIMED_OUT' };
    }
  }

  private result(intentId: string, rows: Order[], duplicate: boolean): SubmitResult {
    const denied = rows.find((r) => r.status === 'DENIED');
    return {
      intentId,
      duplicate,
      orderIds: rows.map((r) => r.id),
      statuses: rows.map((r) => r.status),
      positionId: rows[0]?.positionId ?? null,
      denial: denied?.denialCode ? { code: denied.denialCode as RiskDenial['code'], message: denied.statusReason ?? '', context: denied.denialContext ?? {} } : undefined,
    };
  }
}
