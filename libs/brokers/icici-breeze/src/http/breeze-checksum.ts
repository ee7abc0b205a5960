import { createHash } from 'node:crypto';
import type { BreezeCredentials } from '../icici-breeze.config';

/** Breeze's X-Timestamp: the UTC instant as ISO-8601 cut to whole seconds plus '.000Z'. */
export function breezeTimestamp(nowMs: number): string {
  if (!Number.isFinite(nowMs)) throw new RangeError(`not an instant: ${nowMs}`);
  return `${new Date(nowMs).toISOString().slice(0, 19)}.000Z`;
}

/** Hex SHA-256 of timestamp + exact JSON body + secret key (the X-Checksum value without 'token '). */
export function breezeChecksum(timestamp: string, body: string, secretKey: string): string {
  return createHash('sha256').update(timestamp + body + secretKey, 'utf8').digest('hex');
}

/** The headers of a signed v1 call. `sessionToken` is base64("userId:sessionKey"). */
export function breezeSignedHeaders(input: {
  readonly nowMs: number;
  readonly body: string;
  readonly credentials: BreezeCredentials;
  readonly sessionToken: string;
}): Record<string, string> {
  const timestamp = breezeTimestamp(input.nowMs);
  return {
    'Content-Type': 'application/json',
    'X-Checksum': `token ${breezeChecksum(timestamp, input.body, input.credentials.secretKey)}`,
    'X-Timestamp': timestamp,
    'X-AppKey': input.credentials.appKey,
    'X-SessionToken': input.sessionToken,
  };
}
