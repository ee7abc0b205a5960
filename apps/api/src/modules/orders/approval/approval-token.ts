import { createHash, randomBytes } from 'node:crypto';
import { paiseOfPrice, type OrderCommand, type RiskDenial, type RiskDenialCode } from '@mcube/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { ApprovalToken } from '../entities/approval-token.entity';

/** The exact order a token allows. Prices in rupees. */
export interface ApprovalBinding {
  readonly requestRef: string;
  readonly accountId: number;
  readonly purpose: 'ENTRY' | 'AVERAGE';
  readonly underlying: string;
  readonly instrumentKind: 'FUT' | 'OPT';
  readonly expiryDate: string;
  readonly side: 'BUY' | 'SELL';
  readonly quantity: number;
  readonly priceLow: number;
  readonly priceHigh: number;
  readonly approvedBy: string;
  readonly approvedAtMs: number;
  readonly expiresAtMs: number;
}

export const hashApprovalToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Mints a token for `binding` (stores only its hash) and returns the token itself. */
export async function mintApprovalToken(manager: EntityManager, binding: ApprovalBinding): Promise<string> {
  const token = `apt_${randomBytes(32).toString('base64url')}`;
  await manager.insert(ApprovalToken, {
    tokenHash: hashApprovalToken(token),
    requestRef: binding.requestRef,
    accountId: binding.accountId,
    purpose: binding.purpose,
    underlying: binding.underlying,
    instrumentKind: binding.instrumentKind,
    expiryDate: binding.expiryDate,
    side: binding.side,
    quantity: binding.quantity,
    priceLowPaise: paiseOfPrice(binding.priceLow),
    priceHighPaise: paiseOfPrice(binding.priceHigh),
    approvedBy: binding.approvedBy,
    approvedAt: new Date(binding.approvedAtMs),
    expiresAt: new Date(binding.expiresAtMs),
    consumedAt: null,
    consumedByIntent: null,
  });
  return token;
}

function denied(code: RiskDenialCode, message: string, context: Record<string, string | number | boolean> = {}): RiskDenial {
  return { ok: false, code, message, context };
}

/** Why `row` does not allow `intent` at `limitPrice`, or null when it is this order's token. */
function mismatchOf(row: ApprovalToken, intent: OrderCommand, limitPrice: number): string | null {
  if (row.purpose !== intent.purpose) return `purpose ${intent.purpose} ≠ approved ${row.purpose}`;
  const i = intent.instrument;
  if (row.underlying !== i.underlying || row.instrumentKind !== i.kind || row.expiryDate !== i.expiry) return `contract ${i.underlying} ${i.kind} ${i.expiry} ≠ approved ${row.underlying} ${row.instrumentKind} ${row.expiryDate}`;
  if (row.side !== intent.side) return `side ${intent.side} ≠ approved ${row.side}`;
  if (row.quantity !== intent.quantity) return `quantity ${intent.quantity} ≠ approved ${row.quantity}`;
  const paise = paiseOfPrice(limitPrice);
  if (paise < row.priceLowPaise || paise > row.priceHighPaise) return `limit ${limitPrice} outside the approved band ${row.priceLowPaise / 100}–${row.priceHighPaise / 100}`;
  return null;
}

/**
 * The gateway's approval-token check for an order that needs a person's approval: the token
 * on `intent.approval` must exist, belong to the account, match the order exactly (purpose,
 * contract, side, quantity, limit inside the band), be unexpired at `nowMs` (market time) and
 * unused; it is then consumed in one conditional update, so two orders racing with one token
 * cannot both pass. Returns the denial, or null when consumed.
 */
export async function consumeApprovalToken(dataSource: DataSource, input: { intent: OrderCommand; limitPrice: number; intentId: string; nowMs: number }): Promise<RiskDenial | null> {
  const { intent, limitPrice, intentId, nowMs } = input;
  const token = intent.approval?.token;
  if (!token) return denied('APPROVAL_TOKEN_INVALID', `${intent.purpose} on account ${intent.accountId} needs an approval token from the approval queue`, { accountId: intent.accountId });
  return inTransaction(dataSource, async (m) => {
    const row = await m.findOne(ApprovalToken, { where: { tokenHash: hashApprovalToken(token) } });
    if (!row) return denied('APPROVAL_TOKEN_INVALID', 'the approval token is not one the approval queue issued');
    if (row.accountId !== intent.accountId) return denied('APPROVAL_TOKEN_OTHER_ACCOUNT', `the approval token is for account ${row.accountId}, not ${intent.accountId}`, { request: row.requestRef });
    if (row.consumedAt !== null) return denied('APPROVAL_TOKEN_USED', `the approval token of request ${row.requestRef} was already used (by ${row.consumedByIntent})`, { request: row.requestRef });
    if (nowMs > row.expiresAt.getTime()) return denied('APPROVAL_TOKEN_EXPIRED', `the approval token of request ${row.requestRef} expired at ${row.expiresAt.toISOString()}`, { request: row.requestRef });
    const mismatch = mismatchOf(row, intent, limitPrice);
    if (mismatch) return denied('APPROVAL_TOKEN_MISMATCH', `the order is not the one approved in request ${row.requestRef}: ${mismatch}`, { request: row.requestRef });
    const result = await m.createQueryBuilder().update(ApprovalToken).set({ consumedAt: new Date(nowMs), consumedByIntent: intentId }).where('id = :id AND consumed_at IS NULL', { id: row.id }).execute();
    if ((result.affected ?? 0) !== 1) return denied('APPROVAL_TOKEN_USED', `the approval token of request ${row.requestRef} was used by another order`, { request: row.requestRef });
    return null;
  });
}
