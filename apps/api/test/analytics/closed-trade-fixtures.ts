import { epochMsOfIst } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { Execution } from '../../src/modules/orders/entities/execution.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import type { StrategyType } from '../../src/modules/strategies/entities/strategy-type';
import { positionFor } from '../db/fixtures';

/** A closed trade to store: IST wall times 'YYYY-MM-DD HH:MM', paise. */
export interface ClosedTradeSeed {
  readonly accountId: number;
  readonly strategyType?: StrategyType;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly expiryDate: string;
  readonly exitReason: string;
  readonly grossPaise: number;
  /** ≥ 2: reported half with the entry fill, half with the exit fill, so nothing is estimated. */
  readonly chargesPaise: number;
  /** When set, an ENTER decision is journalled with this VIX and days to expiry. */
  readonly journal?: { readonly vix: number; readonly daysToExpiry: number };
}

const at = (ist: string) => new Date(epochMsOfIst(ist.slice(0, 10), `${ist.slice(11, 16)}:00`));
let seq = 0;

/**
 * Stores a closed position as the orders module leaves one: realised P&L net of the charges its
 * fills reported, an entry and an exit order with one fill each carrying half the charges, and (optionally) the strategy's ENTER decision with the market facts.
 */
export async function seedClosedTrade(ds: DataSource, t: ClosedTradeSeed): Promise<number> {
  const strategyType = t.strategyType ?? 'WEEKLY_NIFTY_STRANGLE';
  const futures = strategyType === 'LLM_VALIDATED_FUTURES';
  const position = await ds.getRepository(Position).save(
    ds.getRepository(Position).create(
      positionFor(t.accountId, { strategyType, status: 'CLOSED', direction: futures ? 'LONG' : 'NEUTRAL', underlying: futures ? 'RELIANCE' : 'NIFTY', expiryDate: t.expiryDate, openedAt: at(t.openedAt), closedAt: at(t.closedAt), exitReason: t.exitReason, realizedPnlPaise: t.grossPaise - t.chargesPaise }),
    ),
  );
  for (const [purpose, side, when, charges] of [['ENTRY', futures ? 'BUY' : 'SELL', t.openedAt, Math.ceil(t.chargesPaise / 2)], ['EXIT', futures ? 'SELL' : 'BUY', t.closedAt, Math.floor(t.chargesPaise / 2)]] as const) {
    const order = await ds.getRepository(Order).save(
      ds.getRepository(Order).create({
        clientOrderId: `seed-${++seq}-${Date.now()}`,
        accountId: t.accountId,
        positionId: position.id,
        strategyType,
        exchangeSegment: futures ? 'NFO' : 'NFO',
        tradingSymbol: futures ? 'RELIANCE-FUT' : 'NIFTY-CE',
        underlying: position.underlying,
        instrumentType: futures ? 'FUT' : 'CE',
        side,
        orderType: 'LIMIT',
        quantity: 75,
        limitPricePaise: 100_00,
        purpose,
        status: 'FILLED',
        filledQuantity: 75,
        avgFillPricePaise: 100_00,
      }),
    );
    await ds.getRepository(Execution).insert({ orderId: order.id, accountId: t.accountId, broker: 'PAPER', executionId: `x-${order.clientOrderId}`, side, quantity: 75, pricePaise: 100_00, chargesPaise: charges, occurredAt: at(when), recordedAt: at(when) });
  }
  if (t.journal) {
    await ds.getRepository(DecisionJournalEntry).insert({
      accountId: t.accountId,
      strategyType,
      kind: 'ENTRY',
      decision: 'ENTER',
      reasonCode: 'ALL_FILTERS_PASSED',
      reason: 'seeded entry',
      inputs: { evaluation: { date: t.openedAt.slice(0, 10), market: { vix: t.journal.vix, spot: 24_000, nifty3dChangePct: 0.2, highImpactEvents: [] }, expiry: { expiry: t.expiryDate, daysToExpiry: t.journal.daysToExpiry }, strikes: { callStrike: 24_600, putStrike: 23_400 } } },
      positionId: position.id,
      clientOrderId: null,
      occurredAt: at(t.openedAt),
    });
  }
  return position.id;
}
