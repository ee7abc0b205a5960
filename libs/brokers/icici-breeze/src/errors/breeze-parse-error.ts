/**
 * A Breeze answer that does not have the recorded shape (missing field, wrong type, unknown
 * status letter, bad date). `path` points into the payload, e.g. 'Success[3].status'. Adapters
 * wrap it in a BrokerError UNKNOWN (code MALFORMED_RESPONSE); it never carries the payload itself.
 */
export class BreezeParseError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'BreezeParseError';
  }
}
