import { AppException } from '../../common/errors/app-exception';
import type { AppErrorCode } from '../../common/errors/app-error-code';

/** What the worker answers to a forwarded order command: the route's response, or its coded error. */
export type OrderCommandReply = { ok: true; value: unknown } | { ok: false; code: AppErrorCode; message: string | string[]; headers: Record<string, string>; details: Record<string, unknown> };

/** The Redis key the worker writes the reply of `commandId` to (the API polls it). */
export function orderCommandReplyKey(queuePrefix: string, commandId: string): string {
  return `${queuePrefix}:orders:reply:${commandId}`;
}

/** A failure as the API's exception filter would map it: coded errors keep their code, details and headers; anything else is INTERNAL. */
export function replyOfError(err: unknown): OrderCommandReply {
  if (err instanceof AppException) return { ok: false, code: err.code, message: err.messages, headers: { ...err.headers }, details: { ...err.details } };
  const e = err as { code?: unknown; name?: unknown };
  // A domain rule's error (libs/domain DomainError): the filter answers it 422 DOMAIN_RULE_VIOLATED.
  if (err instanceof Error && typeof e.code === 'string' && e.name === 'DomainError') return { ok: false, code: 'DOMAIN_RULE_VIOLATED', message: `${e.code}: ${err.message}`, headers: {}, details: {} };
  return { ok: false, code: 'INTERNAL', message: 'Internal error: quote the correlation id when reporting it', headers: {}, details: {} };
}

/** The reply's value, or its error thrown again as the same AppException (same status, body and headers). */
export function unwrapReply<T>(reply: OrderCommandReply): T {
  if (reply.ok) return reply.value as T;
  throw new AppException(reply.code, reply.message, reply.headers, reply.details);
}
