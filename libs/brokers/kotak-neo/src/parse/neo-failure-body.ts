/** A failure as Kotak writes it in a body: a code (when any) and its text. */
export interface NeoFailureBody {
  /** `stCode` or `error[0].code`, as text. */
  readonly code?: string;
  readonly message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/**
 * The failure a Kotak body reports, or undefined when it reports none. Kotak answers
 * failures in several shapes, often with HTTP 200: `{stat: 'Not_Ok', stCode, errMsg|emsg}`,
 * `{stCode: 100022, errMsg, stat: 'error in neo-login-check-api'}` (stat not even Not_Ok),
 * `{error: [{code, message}]}`, and on login `{stCode, errMsg, status: 'failure'}`.
 * Success bodies carry `stat: 'Ok'`/`'ok'` and `stCode: 200`, or no stat at all.
 */
export function failureOfBody(json: unknown): NeoFailureBody | undefined {
  if (!isRecord(json)) return undefined;
  const errors = json['error'];
  if (Array.isArray(errors) && errors.length > 0) {
    const first = isRecord(errors[0]) ? errors[0] : {};
    return { code: text(first['code']), message: text(first['message']) ?? 'error' };
  }
  const stat = typeof json['stat'] === 'string' ? json['stat'] : undefined;
  const stCode = text(json['stCode']);
  const status = typeof json['status'] === 'string' ? json['status'].toLowerCase() : undefined;
  const failed = (stat !== undefined && stat.toLowerCase() !== 'ok') || (stCode !== undefined && stCode !== '200') || status === 'failure' || status === 'failed';
  if (!failed) return undefined;
  const message = text(json['errMsg']) ?? text(json['emsg']) ?? text(json['message']) ?? text(json['desc']) ?? stat ?? 'failed';
  return { code: stCode, message };
}
