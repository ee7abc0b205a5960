/**
 * Splits validation messages by the field they name (`field must …` or `field: …`); messages that
 * name no known field are returned under `''` for a form-level alert.
 */
export function messagesByField(messages: readonly string[], fields: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const msg of messages) {
    const head = /^([A-Za-z0-9_]+)(?:[.:\s]|$)/.exec(msg)?.[1] ?? '';
    const key = fields.includes(head) ? head : '';
    (out[key] ??= []).push(msg);
  }
  return out;
}
