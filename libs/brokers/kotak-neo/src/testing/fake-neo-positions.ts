import type { FakeNeoContract } from './fake-neo-master';

/** One position of the fake broker: day (`fl`) and carried-forward (`cf`) sides, amounts in paise. */
export interface FakeNeoPosition {
  readonly contract: FakeNeoContract;
  readonly product: string;
  flBuyQty: number;
  flSellQty: number;
  buyPaise: number;
  sellPaise: number;
  cfBuyQty: number;
  cfSellQty: number;
  cfBuyPaise: number;
  cfSellPaise: number;
}

/** Positions per contract and product, fed by fills, rolled over by `carryForward`. */
export class FakeNeoPositions {
  private readonly rows = new Map<string, FakeNeoPosition>();

  private row(contract: FakeNeoContract, product: string): FakeNeoPosition {
    const key = `${contract.token}|${product}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { contract, product, flBuyQty: 0, flSellQty: 0, buyPaise: 0, sellPaise: 0, cfBuyQty: 0, cfSellQty: 0, cfBuyPaise: 0, cfSellPaise: 0 };
      this.rows.set(key, row);
    }
    return row;
  }

  /** Books a fill on the day side. */
  addFill(contract: FakeNeoContract, product: string, side: 'B' | 'S', quantity: number, pricePaise: number): void {
    const row = this.row(contract, product);
    if (side === 'B') {
      row.flBuyQty += quantity;
      row.buyPaise += quantity * pricePaise;
    } else {
      row.flSellQty += quantity;
      row.sellPaise += quantity * pricePaise;
    }
  }

  /** Seeds a carried-forward position (a position opened on an earlier day). */
  seedCarried(contract: FakeNeoContract, product: string, netQuantity: number, averagePaise: number): void {
    const row = this.row(contract, product);
    if (netQuantity > 0) {
      row.cfBuyQty += netQuantity;
      row.cfBuyPaise += netQuantity * averagePaise;
    } else {
      row.cfSellQty += -netQuantity;
      row.cfSellPaise += -netQuantity * averagePaise;
    }
  }

  /** Every row with any quantity today or carried. */
  all(): readonly FakeNeoPosition[] {
    return [...this.rows.values()].filter((r) => r.flBuyQty + r.flSellQty + r.cfBuyQty + r.cfSellQty > 0);
  }

  /** Net quantity of a contract and product (units, signed). */
  net(token: string, product: string): number {
    const r = this.rows.get(`${token}|${product}`);
    return r ? r.flBuyQty + r.cfBuyQty - r.flSellQty - r.cfSellQty : 0;
  }

  /**
   * The next trading day: open quantities move to the carried side at their average price
   * (flat rows vanish) and contracts that expired before `date` are settled away.
   */
  carryForward(date: string): void {
    for (const [key, r] of this.rows) {
      const buys = r.flBuyQty + r.cfBuyQty;
      const sells = r.flSellQty + r.cfSellQty;
      const net = buys - sells;
      if (net === 0 || r.contract.expiry < date) {
        this.rows.delete(key);
        continue;
      }
      const avg = net > 0 ? Math.round((r.buyPaise + r.cfBuyPaise) / buys) : Math.round((r.sellPaise + r.cfSellPaise) / sells);
      Object.assign(r, { flBuyQty: 0, flSellQty: 0, buyPaise: 0, sellPaise: 0, cfBuyQty: 0, cfSellQty: 0, cfBuyPaise: 0, cfSellPaise: 0 });
      this.seedCarried(r.contract, r.product, net, avg);
    }
  }
}
