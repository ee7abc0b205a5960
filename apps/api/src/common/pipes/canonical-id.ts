/** A row id as written in a URL: 1-16 decimal digits, no sign, no leading zero, nothing else. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/**
 * The id a path segment names, or undefined when it is not a canonical positive decimal integer
 * within the safe-integer range. `+8`, ` 9`, `00010`, `0xb`, `12.0`, `13e0`, `0b1111`, `0o20`,
 * `-1` and `1e3` all convert to numbers in JavaScript; none of them is an id.
 */
export function parseCanonicalId(text: unknown): number | undefined {
  if (typeof text !== 'string' || !CANONICAL_ID.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}
