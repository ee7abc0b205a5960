import type { Response } from 'express';

/** A value's JSON body, serialized once, with the ETag Express derives from it (computed on first send). */
interface SerializedJson {
  body: Buffer;
  etag?: string;
}

/** Bodies by the value they serialize: a cached value (same object) is serialized once; a new value is a new body. */
const bodies = new WeakMap<object, SerializedJson>();

/**
 * Sends `value` exactly as `res.json(value)` would (same body bytes, Content-Type, Content-Length,
 * ETag and 304 on a matching If-None-Match), but serializes each value object only once: the hot
 * reads serve the same cached object until a tick or a write replaces it, and JSON.stringify plus
 * the ETag's SHA-1 of the same large body on every request was most of their CPU (issue 21). So
 * the value must not be mutated after it is first sent (cached reads are shared already).
 * Falls back to `res.json` when the app sets a JSON replacer, spacing or escaping.
 */
export function sendCachedJson(res: Response, value: object): void {
  const app = res.app;
  if (app.get('json replacer') || app.get('json spaces') || app.get('json escape')) {
    res.json(value);
    return;
  }
  let json = bodies.get(value);
  if (!json) {
    json = { body: Buffer.from(JSON.stringify(value), 'utf8') };
    bodies.set(value, json);
  }
  if (json.etag === undefined) {
    const etagOf = app.get('etag fn') as ((body: Buffer, encoding?: BufferEncoding) => string | undefined) | undefined;
    json.etag = (typeof etagOf === 'function' && etagOf(json.body)) || '';
  }
  // The order res.json gives the headers: type, length, then the tag (send() keeps them).
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(json.body.length));
  if (json.etag) res.setHeader('ETag', json.etag);
  res.send(json.body);
}
