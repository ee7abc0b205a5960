import { DomainError, type Paise, type StrategyOrderCommand } from '@mcube/domain';
import type { FuturesAccountMargin, FuturesAccountPort, FuturesPositionState, FuturesRiskLevels } from '../ports/futures-account.port';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '../ports/strategy-order.port';

/** What the fake does with the n-th submitted order (0-based). */
export type FakeFuturesOutcome = 'FILL' | 'WORK' | 'REJECT' | 'DENY';

/**
 * Gateway + positions in memory for the strategy's specs: orders fill at once at their limit,
 * stay working, or are refused (per `outcome`); fills build the one futures position the
 * account port reports (ENTRY opens it, AVERAGE adds at the new average, EXIT reduces it).
 * It keeps every order command (`intents`), cancel and risk-level write. Margin: `availablePaise` minus 20% of the
 * open notional.
 */
export class FakeFuturesBook implements StrategyOrderPort, FuturesAccountPort {
  readonly intents: StrategyOrderCommand[] = [];
  readonly cancels: string[] = [];
  readonly levelWrites: { positionId: string; levels: FuturesRiskLevels }[] = [];
  private readonly orders = new Map<string, { intent: StrategyOrderCommand; state: StrategyOrderState }>();
  private readonly keyIds = new Map<string, string>();
  position: (FuturesPositionState & { closedQuantity: number }) | null = null;
  lotSize = 1;
  /** The account the strategy trades (commands carry none: the host owns it); the position opened is this account's. */
  accountId = 'ICICI';

  constructor(
    private readonly outcome: (order: StrategyOrderCommand, index: number) => FakeFuturesOutcome = () => 'FILL',
    public availablePaise: Paise = 1_20_00_000 * 100,
    private readonly now: () => number = () => 0,
  ) {}

  /** Keys get `co-<n>` in the order they are first asked for (so ids read as the n-th order sent). */
  clientOrderIdFor(idempotencyKey: string): string {
    let id = this.keyIds.get(idempotencyKey);
    if (!id) this.keyIds.set(idempotencyKey, (id = `co-${this.keyIds.size + 1}`));
    return id;
  }

  async isIssued(clientOrderId: string): Promise<boolean> {
    return this.orders.has(clientOrderId);
  }

  async submit(intent: StrategyOrderCommand, idempotencyKey?: string): Promise<StrategySubmitResult> {
    const key = idempotencyKey === undefined ? undefined : this.clientOrderIdFor(idempotencyKey);
    const seen = key === undefined ? undefined : this.orders.get(key);
    // The same key never makes a second order: the first one's state is the answer.
    if (seen) return { clientOrderId: key as string, status: seen.state.status === 'REJECTED' || seen.state.status === 'DENIED' ? seen.state.status : 'ACCEPTED' };
    const index = this.intents.push(intent) - 1;
    const clientOrderId = key ?? `co-${this.keyIds.size + 1}-${index + 1}`;
    const outcome = this.outcome(intent, index);
    if (outcome === 'REJECT' || outcome === 'DENY') {
      const status = outcome === 'REJECT' ? 'REJECTED' : 'DENIED';
      this.orders.set(clientOrderId, { intent, state: { clientOrderId, status, filledQuantity: 0, reason: 'test refusal' } });
      return { clientOrderId, status, denial: { code: outcome === 'REJECT' ? 'BROKER_REJECTED' : 'APPROVAL_REQUIRED', message: 'test refusal' } };
    }
    this.orders.set(clientOrderId, { intent, state: { clientOrderId, status: 'ACCEPTED', filledQuantity: 0 } });
    if (outcome === 'FILL') this.fill(clientOrderId);
    return { clientOrderId, status: 'ACCEPTED' };
  }

  async orderStatus(clientOrderId: string): Promise<StrategyOrderState> {
    const o = this.orders.get(clientOrderId);
    if (!o) throw new DomainError('INVALID_ARGUMENT', `unknown order ${clientOrderId}`);
    return { ...o.state };
  }

  async cancel(clientOrderId: string): Promise<void> {
    this.cancels.push(clientOrderId);
    const o = this.orders.get(clientOrderId);
    if (o && (o.state.status === 'ACCEPTED' || o.state.status === 'PARTIALLY_FILLED')) o.state = { ...o.state, status: 'CANCELED' };
  }

  /** Fills a working order (all of it, or `quantity`) at its limit or at `price`. */
  fill(clientOrderId: string, quantity?: number, price?: number): void {
    const o = this.orders.get(clientOrderId);
    if (!o) throw new DomainError('INVALID_ARGUMENT', `unknown order ${clientOrderId}`);
    const qty = quantity ?? o.intent.quantity - o.state.filledQuantity;
    const px = price ?? o.intent.limitPrice;
    const filled = o.state.filledQuantity + qty;
    o.state = { ...o.state, status: filled >= o.intent.quantity ? 'FILLED' : 'PARTIALLY_FILLED', filledQuantity: filled, averagePrice: px };
    this.apply(o.intent, qty, px);
  }

  private apply(intent: StrategyOrderCommand, qty: number, px: number): void {
    const p = this.position;
    if (intent.purpose === 'EXIT') {
      if (!p) throw new DomainError('INVALID_ARGUMENT', 'exit without a position');
      const quantity = p.quantity - qty;
      this.position = quantity > 0 ? { ...p, quantity, closedQuantity: p.closedQuantity + qty } : null;
      return;
    }
    if (!p) {
      this.position = {
        positionId: intent.strategyPositionId ?? 'pos',
        accountId: this.accountId,
        underlying: intent.instrument.underlying,
        expiry: intent.instrument.expiry,
        direction: intent.side === 'BUY' ? 'LONG' : 'SHORT',
        quantity: qty,
        lotSize: this.lotSize,
        averagePrice: px,
        riskLevels: null,
        openedAtMs: this.now(),
        closedQuantity: 0,
      };
      return;
    }
    const quantity = p.quantity + qty;
    this.position = { ...p, quantity, averagePrice: (p.averagePrice * p.quantity + px * qty) / quantity };
  }

  async activePosition(accountId: string): Promise<FuturesPositionState | null> {
    return this.position && this.position.accountId === accountId ? { ...this.position } : null;
  }

  async margin(): Promise<FuturesAccountMargin> {
    const open = this.position ? Math.round(this.position.averagePrice * 100) * this.position.quantity : 0;
    const inUse = Math.round(open * 0.2);
    return { availablePaise: this.availablePaise - inUse, inUsePaise: inUse, openExposurePaise: open };
  }

  async setRiskLevels(positionId: string, levels: FuturesRiskLevels): Promise<void> {
    this.levelWrites.push({ positionId, levels });
    if (this.position?.positionId === positionId) this.position = { ...this.position, riskLevels: levels };
  }
}
