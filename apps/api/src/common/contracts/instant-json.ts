/**
 * An instant as `JSON.stringify` writes a `Date` (its `toJSON`: the ISO instant), so a response
 * mapped from an entity puts the same text on the wire as the entity itself did. A value that is
 * already text (a row read back raw) passes unchanged.
 */
export function instantJson(value: Date | string): string {
  return typeof value === 'string' ? value : value.toJSON();
}

/** `instantJson`, keeping null. */
export function instantJsonOrNull(value: Date | string | null): string | null {
  return value === null ? null : instantJson(value);
}
