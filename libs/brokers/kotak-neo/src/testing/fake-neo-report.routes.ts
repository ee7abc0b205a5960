import { neoFixture } from './neo-fixtures';
import { fixtureReply, type FakeNeoReply, type FakeNeoRequest } from './fake-neo-routes';
import type { FakeNeoState } from './fake-neo-state';
import { historyRows, orderRow, paiseOfWirePrice, positionRow, tradeRow } from './fake-neo-wire';

const list = (data: unknown[]): FakeNeoReply => (data.length === 0 ? fixtureReply('error.no-data') : { status: 200, body: { stat: 'Ok', stCode: 200, data } });
const rupees = (paise: number): string => (paise / 100).toFixed(2);

/** Order book, history, trade book, positions, limits, margin check. */
export function handleReport(state: FakeNeoState, req: FakeNeoRequest): FakeNeoReply {
  switch (req.endpoint) {
    case 'orders':
      return list(state.book.orders().map((o) => orderRow(o)));
    case 'history': {
      const order = typeof req.form?.['nOrdNo'] === 'string' ? state.book.order(req.form['nOrdNo']) : undefined;
      return order ? list(historyRows(order)) : fixtureReply('error.no-data');
    }
    case 'trades':
      return list(state.book.fills().map(tradeRow));
    case 'positions':
      return list(state.book.positions.all().map(positionRow));
    case 'limits': {
      const f = req.form;
      if (f?.['seg'] !== 'ALL' || f['exch'] !== 'ALL' || f['prod'] !== 'ALL') return { status: 400, body: { stat: 'Not_Ok', stCode: 400, errMsg: 'invalid limits request' } };
      const { netPaise, marginUsedPaise, collateralPaise } = state.funds;
      return { status: 200, body: { ...neoFixture('limits'), Net: rupees(netPaise), MarginUsed: rupees(marginUsedPaise), MarginUsedPrsnt: rupees(marginUsedPaise), CollateralValue: rupees(collateralPaise) } };
    }
    case 'margin': {
      const f = req.form ?? {};
      const contract = f['exSeg'] === 'nse_fo' ? state.contractsByToken.get(String(f['tok'])) : undefined;
      const quantity = typeof f['qty'] === 'string' && /^\d+$/.test(f['qty']) ? Number(f['qty']) : 0;
      const pricePaise = paiseOfWirePrice(f['prc']);
      if (!contract || quantity < 1 || pricePaise === undefined || !['B', 'S'].includes(String(f['trnsTp']))) return { status: 200, body: { stat: 'Not_Ok', stCode: 1009, errMsg: 'Invalid instrument token' } };
      const margin = state.marginRule({ contract, side: f['trnsTp'] as 'B' | 'S', quantity, pricePaise });
      const shortfall = Math.max(0, margin - state.funds.netPaise);
      const six = (p: number): string => (p / 100).toFixed(6);
      return {
        status: 200,
        body: { ...neoFixture('check-margin'), avlCash: six(state.funds.netPaise), mrgnUsd: six(state.funds.marginUsedPaise), ordMrgn: six(margin), totMrgnUsd: six(state.funds.marginUsedPaise + margin), insufFund: six(shortfall), rmsVldtd: shortfall > 0 ? 'NOT_OK' : 'OK' },
      };
    }
    default:
      return { status: 404, body: { message: 'not found' } };
  }
}
