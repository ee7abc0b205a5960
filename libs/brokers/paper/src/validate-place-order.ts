import { compareDates, isOnTick, type IsoDate, type PlaceOrderRequest } from '@mcube/domain';
import type { ContractRules, ContractRulesLookup } from './contract-rules';
import { paperError } from './paper-broker-error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function refuse(message: string): never {
  throw paperError('REJECTED', message, { brokerCode: 'INVALID_ORDER' });
}

function checkInstrument(request: PlaceOrderRequest, today: IsoDate): void {
  const i = request.instrument;
  if (!i || typeof i !== 'object') refuse('order has no instrument');
  if (typeof i.underlying !== 'string' || i.underlying === '') refuse('instrument has no underlying');
  if (typeof i.expiry !== 'string' || !ISO_DATE.test(i.expiry)) refuse(`instrument expiry must be YYYY-MM-DD, got ${String(i.expiry)}`);
  if (compareDates(i.expiry, today) < 0) refuse(`contract expired on ${i.expiry}`);
  if (i.kind === 'OPT') {
    if (typeof i.strike !== 'number' || !(i.strike > 0)) refuse(`option strike must be positive, got ${String(i.strike)}`);
    if (i.optionType !== 'CE' && i.optionType !== 'PE') refuse(`option type must be CE or PE, got ${String(i.optionType)}`);
  } else if (i.kind !== 'FUT') refuse(`instrument kind must be OPT or FUT, got ${String(i.kind)}`);
}

/**
 * Checks a `placeOrder` request as the broker and exchange would, before anything is stored:
 * fields present and well-formed, LIMIT only (a request carrying `orderType` other than
 * 'LIMIT', or no positive limit price, is a market order), a live contract (strike on the
 * grid when the rules know it), quantity a whole
 * number of lots and at most the freeze quantity, limit price on the tick, and the account
 * when the client is bound to one. Returns the contract's terms.
 *
 * @throws BrokerError REJECTED (brokerCode INVALID_ORDER) naming the first problem found.
 */
export function validatePlaceOrder(input: { request: PlaceOrderRequest; today: IsoDate; rules: ContractRulesLookup; accountId?: string }): ContractRules {
  const { request, today } = input;
  if (!request || typeof request !== 'object') refuse('order request missing');
  if (typeof request.clientOrderId !== 'string' || request.clientOrderId.trim() === '') refuse('order has no tag (clientOrderId)');
  if (typeof request.accountId !== 'string' || request.accountId === '') refuse('order has no account');
  if (input.accountId !== undefined && request.accountId !== input.accountId) refuse(`account ${request.accountId} is not this paper account`);
  const orderType = (request as unknown as { orderType?: unknown }).orderType;
  if (orderType !== undefined && orderType !== 'LIMIT') refuse(`only LIMIT orders are accepted, got ${String(orderType)}`);
  if (typeof request.limitPrice !== 'number' || !Number.isFinite(request.limitPrice) || request.limitPrice <= 0) {
    refuse(`only LIMIT orders are accepted: limit price must be a positive number, got ${String(request.limitPrice)}`);
  }
  if (request.side !== 'BUY' && request.side !== 'SELL') refuse(`side must be BUY or SELL, got ${String(request.side)}`);
  if (request.product !== 'NRML' && request.product !== 'MIS') refuse(`product must be NRML or MIS, got ${String(request.product)}`);
  if (request.validity !== 'DAY' && request.validity !== 'IOC') refuse(`validity must be DAY or IOC, got ${String(request.validity)}`);
  checkInstrument(request, today);
  let rules: ContractRules;
  try {
    rules = input.rules(request.instrument, today);
  } catch {
    refuse(`unknown contract ${request.instrument.underlying} ${request.instrument.kind} ${request.instrument.expiry}`);
  }
  const q = request.quantity;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1) refuse(`quantity must be a whole number of units ≥ 1, got ${String(q)}`);
  if (q % rules.lotSize !== 0) refuse(`quantity ${q} is not a multiple of the lot size ${rules.lotSize}`);
  if (q > rules.freezeQuantity) refuse(`quantity ${q} exceeds the freeze quantity ${rules.freezeQuantity}`);
  const strike = request.instrument.strike;
  if (request.instrument.kind === 'OPT' && rules.strikeInterval !== undefined && strike !== undefined && Math.abs(strike / rules.strikeInterval - Math.round(strike / rules.strikeInterval)) > 1e-9) {
    refuse(`strike ${strike} is not on the ${rules.strikeInterval}-point grid: no such contract`);
  }
  if (!isOnTick(request.limitPrice, rules.tickSize)) refuse(`limit price ${request.limitPrice} is not on the ₹${rules.tickSize} tick`);
  return rules;
}
