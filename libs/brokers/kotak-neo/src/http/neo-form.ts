/**
 * Kotak's write bodies: one form field `jData` whose value is URL-encoded JSON with every
 * value a string (BROKERS.md §1). Throws when a value is not a string, so a number never
 * reaches the wire as `0.0`.
 */
export function encodeJData(fields: Readonly<Record<string, string>>): string {
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') throw new TypeError(`jData field ${key} must be a string, got ${typeof value}`);
  }
  return `jData=${encodeURIComponent(JSON.stringify(fields))}`;
}

/** The object inside a `jData=` form body, or undefined when the body is not one. */
export function decodeJData(body: string): Record<string, unknown> | undefined {
  const params = new URLSearchParams(body);
  const raw = params.get('jData');
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A price as Kotak takes it: rupees from integer paise, '0' for zero, no binary noise
 * ('245.35', '245.3', '245').
 */
export function neoPriceText(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new RangeError(`price must be whole non-negative paise, got ${paise}`);
  const rupees = Math.floor(paise / 100);
  const frac = paise % 100;
  if (frac === 0) return String(rupees);
  return `${rupees}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
