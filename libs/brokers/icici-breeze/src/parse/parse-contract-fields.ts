import { BreezeParseError } from '../errors/breeze-parse-error';
import { breezeDate, optDecimal, optText, text, type JsonObject } from './breeze-fields';
import type { BreezeAction, BreezeContractFields, BreezeProductType } from './breeze-raw.types';

/**
 * The contract fields of a record. `productKey` is 'product_type' on most records. Futures get
 * no right and no strike; options need both (an option without them is malformed).
 */
export function parseContractFields(o: JsonObject, path: string, productKey = 'product_type'): BreezeContractFields {
  const stockCode = text(o, 'stock_code', path).toUpperCase();
  const exchangeCode = text(o, 'exchange_code', path).toUpperCase();
  const productType = productTypeOf(optText(o, productKey, path), `${path}.${productKey}`);
  const expiryText = optText(o, 'expiry_date', path);
  const expiryDate = expiryText === undefined ? undefined : breezeDate(expiryText, `${path}.expiry_date`);
  if (productType !== 'options') return { stockCode, exchangeCode, productType, expiryDate };
  const right = rightOf(optText(o, 'right', path), `${path}.right`);
  const strikePrice = optDecimal(o, 'strike_price', path);
  if (right === undefined || strikePrice === undefined || !(strikePrice > 0) || expiryDate === undefined) {
    throw new BreezeParseError(path, 'an option needs expiry_date, right (call/put) and strike_price > 0');
  }
  return { stockCode, exchangeCode, productType, expiryDate, right, strikePrice };
}

/** 'Futures', 'Future', 'futures' → futures; 'Options' → options; 'Cash' → cash; null/'Margin'/other → other. */
export function productTypeOf(value: string | undefined, path: string): BreezeProductType {
  if (value === undefined) return 'other';
  const v = value.toLowerCase();
  if (v === 'futures' || v === 'future' || v === 'fut') return 'futures';
  if (v === 'options' || v === 'option' || v === 'opt') return 'options';
  if (v === 'cash' || v === 'equity') return 'cash';
  if (/^[a-z ]+$/.test(v)) return 'other';
  throw new BreezeParseError(path, `not a product type: ${JSON.stringify(value)}`);
}

/** 'Call'/'C'/'CE' → call, 'Put'/'P'/'PE' → put, 'Others'/'*'/'XX' → undefined. */
export function rightOf(value: string | undefined, path: string): 'call' | 'put' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'call' || v === 'c' || v === 'ce') return 'call';
  if (v === 'put' || v === 'p' || v === 'pe') return 'put';
  if (v === 'others' || v === 'other' || v === '*' || v === 'xx') return undefined;
  throw new BreezeParseError(path, `not an option right: ${JSON.stringify(value)}`);
}

/** 'Buy'/'B' → buy, 'Sell'/'S' → sell; 'NA'/'N' → na when allowed. */
export function actionOf(o: JsonObject, path: string, allowNa: true): BreezeAction | 'na';
export function actionOf(o: JsonObject, path: string, allowNa?: false): BreezeAction;
export function actionOf(o: JsonObject, path: string, allowNa = false): BreezeAction | 'na' {
  const v = text(o, 'action', path).toLowerCase();
  if (v === 'buy' || v === 'b') return 'buy';
  if (v === 'sell' || v === 's') return 'sell';
  if (allowNa && (v === 'na' || v === 'n')) return 'na';
  throw new BreezeParseError(`${path}.action`, `not an action: ${JSON.stringify(v)}`);
}
