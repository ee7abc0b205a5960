import { DomainError, type Paise, type StrategyEntryCommand, type StrategyOrderCommand } from '@mcube/domain';
import type { AccountMarginView, PositionView, StrategyLeg, StrategyPosition, StrategyPositionExit } from '../ports/position-view.port';
import type { StrategyOrderPort, StrategyOrderState, StrategySubmitResult } from '../ports/strategy-order.port';

/** What the fake broker does with the n-th submitted command (0-based). */
export type FakeOrderOutcome = 'FILL' | 'WORK' | 'REJECT' | 'DENY';

interface BookOrder {
  readonly command: StrategyOrderCommand;
  state: StrategyOrderState;
  /** When it was placed (the book's `now`). */
  readonly submittedAtMs: number;
}

/**
 * An in-memory gateway + positions book for tests: orders either fill at once at their limit,
 * stay working, or are refused (per `outcome`); fills build the positions the `PositionView`
 * reports. It records every command (an entry's legs one by one) and cancel, and the most positions ever open at once.
 * An entry of several legs behaves as the gateway's: one denied leg denies all; a rejected leg
 * stops the legs after it (withdrawn: CANCELED, never sent).
 */
export class FakePaperBook implements StrategyOrderPort, PositionView {
  readonly commands: StrategyOrderCommand[] = [];
  readonly cancels: string[] = [];
  /** Stored exit requests by position id (what a host keeps in its database). */
  readonly exits = new Map<string, StrategyPositionExit>();
  maxOpenPositions = 0;
  private readonly orders = new Map<string, BookOrder>();
  private readonly positions = new Map<string, StrategyPosition>();
  private readonly entries = new Map<string, StrategySubmitResult[]>();

  constructor(
    private readonly outcome: (command: StrategyOrderCommand, index: number) => FakeOrderOutcome = () => 'FILL',
    private readonly availablePaise: Paise = 6 * 1_00_00_000 * 100,
    private readonly now: () => number = () => 0,
    /** The account the strategy trades (its host's: commands carry none). */
    private readonly accountId = 'KOTAK',
  ) {}

  async submit(command: StrategyOrderCommand): Promise<StrategySubmitResult> {
    const index = this.commands.push(command) - 1;
    return this.place(command, `co-${index + 1}`, this.outcome(command, index));
  }

  private place(command: StrategyOrderCommand, clientOrderId: string, outcome: FakeOrderOutcome): StrategySubmitResult {
    if (outcome === 'REJECT' || outcome === 'DENY') {
      const status = outcome === 'REJECT' ? 'REJECTED' : 'DENIED';
      this.orders.set(clientOrderId, { command, state: { clientOrderId, status, filledQuantity: 0, reason: 'test refusal' }, submittedAtMs: this.now() });
      return { clientOrderId, status, denial: { code: outcome === 'REJECT' ? 'BROKER_REJECTED' : 'MARGIN_EXCEEDS_USABLE', message: 'test refusal' } };
    }
    this.orders.set(clientOrderId, { command, state: { clientOrderId, status: 'ACCEPTED', filledQuantity: 0 }, submittedAtMs: this.now() });
    if (outcome === 'FILL') this.fill(clientOrderId);
    return { clientOrderId, status: 'ACCEPTED' };
  }

  async submitEntry(entry: StrategyEntryCommand): Promise<StrategySubmitResult[]> {
    const legs = entry.legs.map((leg): StrategyOrderCommand => ({ ...leg, purpose: 'ENTRY', strategyPositionId: entry.strategyPositionId }));
    const first = this.commands.length;
    const outcomes = legs.map((leg, i) => this.outcome(leg, first + i));
    const denied = outcomes.includes('DENY');
    const out: StrategySubmitResult[] = [];
    let stopped = false;
    for (const [i, command] of legs.entries()) {
      const clientOrderId = `co-${this.commands.push(command)}`;
      if (denied || stopped) {
        const status = denied ? 'DENIED' : 'CANCELED';
        this.orders.set(clientOrderId, { command, state: { clientOrderId, status, filledQuantity: 0, reason: 'test refusal' }, submittedAtMs: this.now() });
        out.push(denied ? { clientOrderId, status: 'DENIED', denial: { code: 'MARGIN_EXCEEDS_USABLE', message: 'test refusal' } } : { clientOrderId, status: 'ACCEPTED' });
        continue;
      }
      out.push(this.place(command, clientOrderId, outcomes[i]));
      stopped = outcomes[i] === 'REJECT';
    }
    this.entries.set(entry.strategyPositionId, out);
    return out;
  }

  async findEntry(positionId: string): Promise<StrategySubmitResult[] | null> {
    return this.entries.get(positionId) ?? null;
  }

  async orderStatus(clientOrderId: string): Promise<StrategyOrderState> {
    const order = this.orders.get(clientOrderId);
    if (!order) throw new DomainError('INVALID_ARGUMENT', `unknown order ${clientOrderId}`);
    return { ...order.state };
  }

  async cancel(clientOrderId: string): Promise<void> {
    this.cancels.push(clientOrderId);
    const order = this.orders.get(clientOrderId);
    if (order && (order.state.status === 'ACCEPTED' || order.state.status === 'PARTIALLY_FILLED')) order.state = { ...order.state, status: 'CANCELED' };
  }

  async requestExit(positionId: string, reasonCode: string): Promise<void> {
    const current = this.exits.get(positionId);
    if (current && current.owner !== 'STRATEGY') return;
    this.exits.set(positionId, { owner: 'STRATEGY', reasonCode });
  }

  /** A person cancels a working order (the strategy must not send it again). */
  cancelAsPerson(clientOrderId: string): void {
    const order = this.orders.get(clientOrderId);
    if (order && (order.state.status === 'ACCEPTED' || order.state.status === 'PARTIALLY_FILLED')) order.state = { ...order.state, status: 'CANCELED', canceledByPerson: true };
  }

  /** Fills a working order completely at its limit. */
  fill(clientOrderId: string): void {
    const order = this.orders.get(clientOrderId);
    if (!order) throw new DomainError('INVALID_ARGUMENT', `unknown order ${clientOrderId}`);
    const { command } = order;
    const qty = command.quantity - order.state.filledQuantity;
    const price = command.limitPrice;
    order.state = { ...order.state, status: 'FILLED', filledQuantity: command.quantity, averagePrice: price };
    this.applyFill(command, qty, price);
  }

  private applyFill(command: StrategyOrderCommand, qty: number, price: number): void {
    const id = command.strategyPositionId ?? 'unassigned';
    const { instrument } = command;
    const pos = this.positions.get(id) ?? { positionId: id, accountId: this.accountId, underlying: instrument.underlying, expiry: instrument.expiry, legs: [], openedAtMs: this.now() };
    const legs = [...pos.legs];
    const i = legs.findIndex((l) => l.optionType === instrument.optionType && l.strike === instrument.strike);
    const old: StrategyLeg = i >= 0 ? legs[i] : { optionType: instrument.optionType ?? 'CE', strike: instrument.strike ?? 0, quantity: 0, averagePrice: 0 };
    const signed = command.side === 'SELL' ? -qty : qty;
    const quantity = old.quantity + signed;
    const opening = Math.sign(signed) === Math.sign(old.quantity) || old.quantity === 0;
    const averagePrice = quantity === 0 ? 0 : opening ? (Math.abs(old.quantity) * old.averagePrice + qty * price) / Math.abs(quantity) : old.averagePrice;
    const leg = { ...old, quantity, averagePrice };
    if (i >= 0) legs[i] = leg;
    else legs.push(leg);
    this.positions.set(id, { ...pos, legs });
    this.maxOpenPositions = Math.max(this.maxOpenPositions, this.openPositions().length);
  }

  /** Positions with a non-zero leg. */
  openPositions(): StrategyPosition[] {
    return [...this.positions.values()].filter((p) => p.legs.some((l) => l.quantity !== 0));
  }

  /** The open position with its stored exit, and each leg's working closing order or a person's hold. */
  async activePosition(accountId: string): Promise<StrategyPosition | null> {
    const position = this.openPositions().find((p) => p.accountId === accountId);
    if (!position) return null;
    const exit = this.exits.get(position.positionId);
    const closing = [...this.orders.entries()].filter(([, o]) => o.command.strategyPositionId === position.positionId && o.command.purpose === 'EXIT');
    const legs = position.legs.map((l) => {
      const mine = closing.filter(([, o]) => o.command.instrument.optionType === l.optionType && o.command.instrument.strike === l.strike);
      const working = mine.find(([, o]) => o.state.status === 'ACCEPTED' || o.state.status === 'PARTIALLY_FILLED');
      const last = mine.at(-1)?.[1];
      return {
        ...l,
        ...(working ? { workingExit: { clientOrderId: working[0], quantity: working[1].command.quantity, filledQuantity: working[1].state.filledQuantity, limitPrice: working[1].command.limitPrice, submittedAtMs: working[1].submittedAtMs } } : {}),
        ...(last?.state.canceledByPerson ? { exitHeld: true } : {}),
      };
    });
    return { ...position, legs, ...(exit ? { exit } : {}) };
  }

  async margin(_accountId: string): Promise<AccountMarginView> {
    return { availablePaise: this.availablePaise, inUsePaise: 0 };
  }
}
