import { malformed } from '../errors/kotak-neo.error';
import { NeoFields } from './neo-fields';

/** The parts of a login answer the client keeps. */
export interface NeoLoginData {
  readonly token: string;
  readonly sid: string;
  readonly kType: 'View' | 'Trade';
  readonly hsServerId?: string;
  readonly ucc?: string;
  readonly dataCenter?: string;
  /** Only on the Trade (validate) answer; checked by the caller before use. */
  readonly baseUrl?: string;
}

/**
 * `{data: {token, sid, kType, status: 'success', …}}`. Success is read from the body
 * (`data.status`), not the HTTP code; the token type must be the one the step promises.
 */
export function parseLoginData(json: unknown, step: 'View' | 'Trade'): NeoLoginData {
  const what = step === 'View' ? 'TOTP login' : 'MPIN validation';
  const data = NeoFields.of(what, json).object('data');
  const status = data.text('status').toLowerCase();
  if (status !== 'success') throw malformed(what, `data.status is ${status}`);
  const kType = data.oneOf('kType', ['View', 'Trade'] as const);
  if (kType !== step) throw malformed(what, `expected a ${step} token, got ${kType}`);
  return {
    token: data.text('token'),
    sid: data.text('sid'),
    kType,
    hsServerId: data.optionalText('hsServerId'),
    ucc: data.optionalText('ucc'),
    dataCenter: data.optionalText('dataCenter'),
    baseUrl: step === 'Trade' ? data.text('baseUrl') : undefined,
  };
}
