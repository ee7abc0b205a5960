import { createHash } from 'crypto';

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** SHA-256 (hex) of the canonical JSON of `value`: the inputs hash stored with every validation. */
export function inputsHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
