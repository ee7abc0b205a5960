import type { FakeNeoOrder } from './fake-neo-book';
import type { FakeNeoContract } from './fake-neo-master';
import { fixtureReply, type FakeNeoReply, type FakeNeoRequest } from './fake-neo-routes';
import type { FakeNeoState } from './fake-neo-state';
import { paiseOfWirePrice } from './fake-neo-wire';

const PLACE_FIELDS = ['am', 'dq', 'es', 'mp', 'pc', 'pf', 'pr', 'pt', 'qt', 'rt', 'tp', 'ts', 'tt'];
const MODIFY_FIELDS = ['no', 'pr', 'pt', 'qt', 'tp', 'vd', 'am'];

const invalid = (errMsg: string): FakeNeoReply => ({ status: 200, body: { stCode: 1009, errMsg, stat: 'Not_Ok' } });
const ack = (orderNo: string): FakeNeoReply => ({ status: 200, body: { stat: 'Ok', nOrdNo: orderNo, stCode: 200 } });

/** Every jData value must be a string and the mandatory keys present (Kotak's own rule). */
function missingField(form: Record<string, unknown> | undefined, fields: readonly string[]): string | undefined {
  if (!form) return 'jData';
  const nonString = Object.keys(form).find((k) => typeof form[k] !== 'string');
  return nonString ?? fields.find((f) => form[f] === undefined || form[f] === '');
}

/** Quantity and price of an order for this contract, or the refusal. */
function terms(contract: FakeNeoContract, qt: unknown, pr: unknown): { quantity: number; limitPaise: number } | FakeNeoReply {
  const quantity = typeof qt === 'string' && /^\d+$/.test(qt) ? Number(qt) : 0;
  if (quantity < 1 || quantity % contract.lotSize !== 0 || quantity > contract.freezeQuantity) return invalid('please provide valid quantity');
  const limitPaise = paiseOfWirePrice(pr);
  if (limitPaise === undefined || limitPaise <= 0 || limitPaise % contract.tickPaise !== 0) return invalid('please provide valid price');
  return { quantity, limitPaise };
}

function place(state: FakeNeoState, form: Record<string, unknown>): FakeNeoReply {
  if (!state.algoOrdersAllowed) return fixtureReply('error.algo-not-allowed');
  const contract = form['es'] === 'nse_fo' ? state.contractsBySymbol.get(String(form['ts'])) : undefined;
  if (!contract) return invalid('please provide valid trading symbol');
  if (form['pt'] !== 'L' || form['tp'] !== '0' || form['am'] !== 'NO' || form['mp'] !== '0') return invalid('please provide valid order type');
  if (!['NRML', 'MIS'].includes(String(form['pc'])) || !['DAY', 'IOC'].includes(String(form['rt'])) || !['B', 'S'].includes(String(form['tt']))) return invalid('please provide valid order details');
  const t = terms(contract, form['qt'], form['pr']);
  if ('status' in t) return t;
  const tag = typeof form['ig'] === 'string' && form['ig'] !== '' ? form['ig'] : undefined;
  if (tag && state.uniqueTags && state.book.orders().some((o) => o.tag === tag)) return fixtureReply('error.core');
  const order = state.book.place({ contract, side: form['tt'] as 'B' | 'S', product: String(form['pc']), validity: String(form['rt']), quantity: t.quantity, limitPaise: t.limitPaise, tag });
  return ack(order.orderNo);
}

function modify(state: FakeNeoState, order: FakeNeoOrder, form: Record<string, unknown>): FakeNeoReply {
  if (form['pt'] !== 'L' || form['vd'] !== 'DAY') return invalid('please provide valid order type');
  if (form['tk'] !== undefined && form['tk'] !== order.contract.token) return invalid('please provide valid token');
  const t = terms(order.contract, form['qt'], form['pr']);
  if ('status' in t) return t;
  if (t.quantity <= order.filled) return invalid('please provide valid quantity');
  state.book.modify(order, t.quantity, t.limitPaise);
  return ack(order.orderNo);
}

/** The order a cancel or modify names (`on` / `no`). */
export function targetOrder(state: FakeNeoState, req: FakeNeoRequest): FakeNeoOrder | undefined {
  const id = req.endpoint === 'cancel' ? req.form?.['on'] : req.form?.['no'];
  return typeof id === 'string' ? state.book.order(id) : undefined;
}

/** place, modify, cancel (session and IP already checked). */
export function handleOrderWrite(state: FakeNeoState, req: FakeNeoRequest, opts: { readonly holdCancel?: boolean } = {}): FakeNeoReply {
  if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') !== true) return { status: 400, body: { stat: 'Not_Ok', stCode: 400, errMsg: 'invalid content type' } };
  const missing = missingField(req.form, req.endpoint === 'place' ? PLACE_FIELDS : req.endpoint === 'modify' ? MODIFY_FIELDS : ['on', 'am']);
  if (missing !== undefined) return { status: 400, body: { stat: 'Not_Ok', stCode: 400, errMsg: `invalid or missing field ${missing}` } };
  const form = req.form as Record<string, unknown>;
  if (req.endpoint === 'place') return place(state, form);
  const order = targetOrder(state, req);
  if (!order) return { status: 200, body: { stCode: 1021, errMsg: 'please provide valid order number', stat: 'Not_Ok' } };
  if (!state.book.isWorking(order) || order.status === 'cancel pending') return fixtureReply('error.order-complete');
  if (req.endpoint === 'modify') return modify(state, order, form);
  state.book.cancel(order, opts.holdCancel);
  return ack(order.orderNo);
}
