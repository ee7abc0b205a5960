import { onlyReduces, type ExecutionClient, type IntentInstrument, type OrderCommand } from '@mcube/domain';
import { In, type EntityManager } from 'typeorm';
import { Order } from './entities/order.entity';
import { tradingSymbolOf } from './instrument-symbol';
import type { PositionLedger } from './ports/position-ledger.port';

/** Statuses of an order that may still trade at the broker. */
const MAY_FILL = ['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL'] as const;

/** What else the reduction check needs. */
export interface ReductionContext {
  /** The intent's own journal rows are not "other working orders". */
  readonly intentId: string;
  /** When given (the account is not ACTIVE), the broker's own net position must confirm the reduction too. */
  readonly broker?: Pick<ExecutionClient, 'listPositions'>;
}

/**
 * Whether the intent only shrinks the active position (domain `onlyReduces`): an EXIT or
 * ADJUST of that position (same id), on an open leg of the same contract, on the opposite
 * side, for no more than the leg's open quantity minus what other working reducing orders
 * of the leg may still take; and, when `broker` is given, no more than the broker's own net
 * position in the contract allows ("a position the broker confirms": after a restart or a
 * mismatch the journal alone is not trusted). Computed from stored rows and the broker, never
 * taken from the caller. A broker that cannot answer confirms nothing. The leg is read
 * through the positions module's `ledger`.
 */
export async function reducesPosition(ledger: Pick<PositionLedger, 'openLegOf'>, manager: EntityManager, intent: OrderCommand, active: { readonly id: number } | null, ctx: ReductionContext): Promise<boolean> {
  if (intent.purpose !== 'EXIT' && intent.purpose !== 'ADJUST') return false;
  if (!active || intent.positionId !== active.id) return false;
  const symbol = tradingSymbolOf(intent.instrument);
  const leg = await ledger.openLegOf(manager, active.id, symbol);
  if (!leg) return false;
  const working = await manager.find(Order, { where: { positionId: active.id, tradingSymbol: symbol, side: intent.side, status: In([...MAY_FILL]) } });
  const pendingQuantity = working
    .filter((o) => o.clientOrderId !== ctx.intentId && !o.clientOrderId.startsWith(`${ctx.intentId}s`))
    .reduce((sum, o) => sum + o.quantity - o.filledQuantity, 0);
  const journalNet = leg.side === 'SELL' ? -leg.quantity : leg.quantity;
  if (!onlyReduces({ netQuantity: journalNet, side: intent.side, quantity: intent.quantity, pendingQuantity })) return false;
  if (!ctx.broker) return true;
  const positions = await ctx.broker.listPositions().catch(() => null);
  if (positions === null) return false;
  const brokerNet = positions.filter((p) => sameContract(p.instrument, intent.instrument)).reduce((sum, p) => sum + p.netQuantity, 0);
  return onlyReduces({ netQuantity: brokerNet, side: intent.side, quantity: intent.quantity, pendingQuantity });
}

function sameContract(a: IntentInstrument, b: IntentInstrument): boolean {
  return a.underlying === b.underlying && a.kind === b.kind && a.expiry === b.expiry && (a.kind === 'FUT' || (a.strike === b.strike && a.optionType === b.optionType));
}
