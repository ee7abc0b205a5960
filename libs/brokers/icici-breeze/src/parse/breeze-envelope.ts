import { BreezeParseError } from '../errors/breeze-parse-error';
import { asObject } from './breeze-fields';

/**
 * Breeze's answer envelope: `{"Success": <payload|null>, "Status": 200, "Error": null}`.
 * Failures put text in `Error` and a Status other than 200 (500 for business errors; the
 * checksum failure answers `{"Status": 5, "Error": "Authentication Fail :: Invalid Checksum."}`
 * without a Success key at all).
 */
export type BreezeEnvelope = { readonly ok: true; readonly success: unknown } | { readonly ok: false; readonly status: number; readonly error: string };

/** Reads an envelope from a parsed JSON value. Throws BreezeParseError when it is not one. */
export function parseBreezeEnvelope(json: unknown): BreezeEnvelope {
  const o = asObject(json, '$');
  const status = o['Status'];
  if (typeof status !== 'number' || !Number.isInteger(status)) throw new BreezeParseError('$.Status', 'expected an integer status');
  const error = o['Error'];
  if (error !== null && error !== undefined && typeof error !== 'string') throw new BreezeParseError('$.Error', 'expected a string or null');
  const hasError = typeof error === 'string' && error.trim() !== '';
  if (status !== 200 || hasError) return { ok: false, status, error: hasError ? error : '' };
  if (!('Success' in o)) throw new BreezeParseError('$.Success', 'missing on a Status 200 answer');
  return { ok: true, success: o['Success'] };
}
