/**
 * The JSON text of a request body exactly as the official SDK writes it (Python
 * `json.dumps(body, separators=(',', ':'))`): compact, keys in insertion order, every
 * non-ASCII character escaped as \uXXXX. The checksum is computed over this text and the
 * same text is sent, so the bytes on the wire are the bytes that were hashed.
 */
export function breezeJson(body: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(body);
  if (text === undefined) throw new TypeError('a Breeze body must be a JSON object');
  return text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
