import { CANCELLABLE_ORDER_STATUSES, ORDER_STATUSES as CONTRACT_ORDER_STATUSES } from '@mcube/contracts';
import { isOpen, ORDER_STATUSES, positionExitDisplay } from '@mcube/domain';
import { getMetadataArgsStorage } from 'typeorm';
import { accountResponseOf, credentialFieldResponseOf } from '../../modules/accounts/account-response-of';
import type { AccountView } from '../../modules/accounts/accounts.service';
import { apiKeyResponseOf } from '../../modules/core/api-keys/api-key-response-of';
import type { ApiKeyView } from '../../modules/core/api-keys/api-keys.service';
import { auditEntryResponseOf } from '../../modules/core/audit/audit-entry-response-of';
import { AuditLogEntity } from '../../modules/core/entities/audit-log.entity';
import { UserEntity } from '../../modules/core/entities/user.entity';
import { userResponseOf } from '../../modules/core/users/user-response-of';
import { userView } from '../../modules/core/users/users.service';
import { OrderEvent } from '../../modules/orders/entities/order-event.entity';
import { Order } from '../../modules/orders/entities/order.entity';
import type { SubmitDenial } from '../../modules/orders/gateway-intent';
import { entryResponseOf, orderEventResponseOf, orderResponseOf, submitResponseOf } from '../../modules/orders/order-response-of';
import { Position } from '../../modules/positions/entities/position.entity';
import { positionExitOf } from '../../modules/positions/position-exit-of';
import { positionListItemOf } from '../../modules/positions/position-list-item-of';
import { CircuitBreaker } from '../../modules/risk/entities/circuit-breaker.entity';
import { RiskLimit } from '../../modules/risk/entities/risk-limit.entity';
import { circuitBreakerResponseOf, riskLimitsResponseOf } from '../../modules/risk/risk-response-of';
import { strategyConfigChangeResponseOf, strategyConfigResponseOf } from '../../modules/strategies/parameters/strategy-config-response-of';

/**
 * The response mappers must not change the JSON on the wire: each mapped response serialises to
 * exactly what the entity (or the service's view) serialised to before controllers mapped them.
 */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const AT = new Date(Date.UTC(2026, 7, 10, 4, 15, 30, 123));
const LATER = new Date(Date.UTC(2026, 7, 10, 9, 59, 59, 999));

/** Every column property TypeORM knows for an entity class (its own and its base classes'). */
function columnsOf(entity: abstract new () => unknown): string[] {
  const chain: unknown[] = [];
  for (let c: unknown = entity; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  return getMetadataArgsStorage()
    .columns.filter((col) => chain.includes(col.target))
    .map((col) => col.propertyName);
}

/** An entity row with every column set (a fixture missing a column would hide a field the mapper drops). */
function row<T extends object>(entity: new () => T, values: Partial<T>): T {
  const columns = columnsOf(entity);
  expect(columns).toContain('id');
  expect(columns.filter((name) => !(name in values))).toEqual([]);
  return Object.assign(new entity(), values);
}

const order = (over: Partial<Order> = {}): Order =>
  row(Order, {
    id: 7, clientOrderId: 'co-7', brokerOrderId: 'B7', exchangeOrderId: 'X7', accountId: 1, positionId: 3, strategyType: 'WEEKLY_NIFTY_STRANGLE',
    exchangeSegment: 'NFO-OPT', tradingSymbol: 'NIFTY2608125000CE', instrumentToken: '4242', underlying: 'NIFTY', instrumentType: 'CE', strike: 25_000,
    expiryDate: '2026-08-12', side: 'SELL', orderType: 'LIMIT', quantity: 75, limitPricePaise: 12_050, triggerPricePaise: null, purpose: 'ENTRY',
    status: 'PARTIALLY_FILLED', filledQuantity: 25, avgFillPricePaise: 12_040, denialCode: null, denialContext: { a: 1, b: 'x', c: true }, statusReason: 'partly',
    inFlightUnknown: false, isPaper: true, requiresApproval: true, approvedBy: 'trader', approvedAt: AT, submittedAt: AT, lastEventAt: LATER,
    estimatedMarginPaise: 1_000_000, estimatedRiskPaise: 50_000, estimatedExposurePaise: 2_000_000, product: 'NRML', version: 4, createdAt: AT, updatedAt: LATER,
    ...over,
  });

describe('response mappers keep the JSON on the wire as it was', () => {
  it('order rows (list with name, detail with history, cancel) serialise as the entity did', () => {
    for (const o of [order(), order({ approvedAt: null, submittedAt: null, lastEventAt: null, expiryDate: null, strike: null, product: null })]) {
      expect(wire(orderResponseOf(o))).toEqual(wire(o));
      expect(wire({ ...orderResponseOf(o), name: 'n' })).toEqual(wire({ ...o, name: 'n' }));
    }
    const event = row(OrderEvent, { id: 1, orderId: 7, sequence: 2, type: 'FILLED', fromStatus: 'ACCEPTED', toStatus: 'PARTIALLY_FILLED', payload: { quantity: 25, price: 120.4 }, occurredAt: AT, recordedAt: LATER });
    expect(wire(orderEventResponseOf(event))).toEqual(wire(event));
  });

  it('gateway results serialise as before, with and without a denial', () => {
    const denial: SubmitDenial = { code: 'MARGIN_EXCEEDS_USABLE', codes: ['MARGIN_EXCEEDS_USABLE', 'TOTAL_EXPOSURE_EXCEEDED'], message: 'no margin', context: { needed: 5 } };
    const ok = { intentId: 'i-1', duplicate: false, orderIds: [1, 2], statuses: ['SUBMITTED', 'SUBMITTED'], positionId: 3 };
    const denied = { ...ok, orderIds: [4], statuses: ['DENIED'], denial };
    for (const r of [ok, denied]) expect(wire(submitResponseOf(r))).toEqual(wire(r));
    const entry = { duplicate: false, positionId: 3, legs: [ok, denied], denial };
    expect(wire(entryResponseOf(entry))).toEqual(wire(entry));
    expect(Object.keys(wire(submitResponseOf(ok)) as object)).not.toContain('denial');
  });

  it('position list rows serialise as the entity with its display state and exit', () => {
    const base = {
      id: 3, accountId: 1, strategyType: 'WEEKLY_NIFTY_STRANGLE', status: 'ACTIVE', direction: 'NEUTRAL', underlying: 'NIFTY', expiryDate: '2026-08-12', quantity: 75,
      entryPricePaise: null, stopLossPricePaise: 10_000, targetPricePaise: null, callStrike: 25_000, putStrike: 24_000, premiumCollectedPaise: 200_000,
      marginUsedPaise: 15_000_000, entryValuePaise: 200_000, realizedPnlPaise: -500, unrealizedPnlPaise: 12_345, currentDelta: -3.5, averagingCount: 0,
      partialBooked: false, openedAt: AT, closedAt: null, exitReason: null, exitRequestedAt: null, exitOwner: null, version: 2, createdAt: AT, updatedAt: LATER,
    } as const satisfies Partial<Position>;
    const open = row(Position, { ...base });
    const exiting = row(Position, { ...base, exitRequestedAt: LATER, exitOwner: 'PERSON', exitReason: 'MANUAL' });
    const closed = row(Position, { ...base, status: 'CLOSED', closedAt: LATER });
    for (const p of [open, exiting, closed]) {
      const before = { ...p, state: positionExitDisplay(p.status, p.exitRequestedAt !== null), exit: positionExitOf(p) };
      expect(wire(positionListItemOf(p))).toEqual(wire(before));
    }
  });

  it('breakers and risk limits serialise as the entity did (risk limits without account and createdAt, as the service viewed them)', () => {
    const tripped = row(CircuitBreaker, { id: 2, accountId: 1, scope: 'ACCOUNT', reasonCode: 'MAX_DRAWDOWN_BREACHED', reason: 'drawdown', context: { pct: 0.15 }, trippedAt: AT, resetBy: null, resetAt: null, resetNote: null });
    const reset = row(CircuitBreaker, { ...tripped, accountId: null, scope: 'SYSTEM', resetBy: 'admin', resetAt: LATER, resetNote: 'ok' });
    for (const b of [tripped, reset]) expect(wire(circuitBreakerResponseOf(b))).toEqual(wire(b));

    const limits = row(RiskLimit, {
      id: 1, accountId: 1, maxMarginUsagePct: 0.4, firstTradeFraction: 0.5, maxConcurrentPositions: 1, perPositionStopPaise: null, perTradeRiskPaise: 100_000,
      dailyLossLimitPaise: 500_000, weeklyLossLimitPaise: null, weeklyProfitTargetPaise: 1_000_000, monthlyProfitTargetPaise: 4_000_000, pauseOnProfitTarget: true,
      maxDrawdownPct: 0.15, maxLeverage: null, maxTotalExposurePaise: null, maxPositionExposurePaise: 9_000_000, requiresApproval: false,
      minDaysToExpiryOptions: 1, minDaysToExpiryFutures: 15, version: 3, createdAt: AT, updatedAt: LATER,
    });
    const { createdAt: _createdAt, ...viewed } = limits;
    expect(wire(riskLimitsResponseOf(viewed))).toEqual(wire(viewed));
  });

  it('users, API keys and audit rows serialise as before', () => {
    // The user entity holds secrets (the hash, …): only its view was ever sent, so only the view's fields matter.
    const user = Object.assign(new UserEntity(), { id: 5, username: 'trader', role: 'trader', isActive: true, mustChangePassword: false, lockedUntil: null, lastLoginAt: AT, createdAt: AT });
    expect(wire(userResponseOf(userView(user)))).toEqual(wire(userView(user)));
    const locked = { ...userView(user), lockedUntil: LATER, lastLoginAt: null };
    expect(wire(userResponseOf(locked))).toEqual(wire(locked));

    const key: ApiKeyView = { id: 9, name: 'script', prefix: 'abcdefabcdef', role: 'viewer', userId: 5, createdAt: AT, lastUsedAt: LATER, revokedAt: null };
    expect(wire(apiKeyResponseOf(key))).toEqual(wire(key));
    expect(wire({ ...apiKeyResponseOf(key), key: 'mcube_x' })).toEqual(wire({ ...key, key: 'mcube_x' }));

    const audit = row(AuditLogEntity, { id: 11, actor: 'admin', actorUserId: 1, action: 'risk-limits.update', entity: 'risk_limits', entityId: '1', oldValue: '{"a":1}', newValue: '{"a":2}', correlationId: 'c-1', at: AT });
    expect(wire(auditEntryResponseOf(audit))).toEqual(wire(audit));
  });

  it('accounts and strategy configurations serialise as the service views did', () => {
    const account: AccountView = {
      id: 1, broker: 'KOTAK', accountNumber: 'K1', name: 'Kotak', allocatedCapitalPaise: 100_000_000, isActive: true, isPaperTrading: true,
      tradingState: 'REDUCING', tradingStateCauses: ['UNRECONCILED'], killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null },
      hasCredentials: true, requiredCredentialFields: ['consumerKey'], credentialFields: [{ field: 'consumerKey', masked: '••••', updatedAt: AT }],
    };
    expect(wire(accountResponseOf(account))).toEqual(wire(account));
    expect(wire(credentialFieldResponseOf(account.credentialFields[0]))).toEqual(wire(account.credentialFields[0]));

    const config = { id: 1, accountId: 1, strategyType: 'WEEKLY_NIFTY_STRANGLE' as const, isActive: true, entriesPaused: false, version: 2, parameters: { lots: 1 }, updatedAt: AT };
    expect(wire(strategyConfigResponseOf(config))).toEqual(wire(config));
    const change = { id: 3, at: AT, actor: 'trader', oldValue: { lots: 1 }, newValue: null };
    expect(wire(strategyConfigChangeResponseOf(change))).toEqual(wire(change));
  });

  it('the contract status lists are the domain state machine and the API cancel rule', () => {
    expect([...CONTRACT_ORDER_STATUSES]).toEqual([...ORDER_STATUSES]);
    // Cancellable: open, no cancel pending, and known to the broker (an INITIALIZED order is not yet).
    expect([...CANCELLABLE_ORDER_STATUSES]).toEqual(ORDER_STATUSES.filter((s) => isOpen(s) && s !== 'PENDING_CANCEL' && s !== 'INITIALIZED'));
  });
});
