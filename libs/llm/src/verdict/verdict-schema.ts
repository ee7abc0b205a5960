import type { ValidationVerdict } from '@mcube/domain';

/** Most reasons/risks/counterpoints kept, and their longest text: an answer beyond them is off-schema. */
export const VERDICT_LIMITS = Object.freeze({ maxItems: 10, maxItemLength: 500 });

const textList = (minItems: number) => ({ type: 'array', minItems, maxItems: VERDICT_LIMITS.maxItems, items: { type: 'string', minLength: 1, maxLength: VERDICT_LIMITS.maxItemLength } });

/**
 * The JSON schema every validator answers in, sent to Ollama as `format` (structured output).
 * `parseVerdict` enforces exactly this, whatever the model did with it.
 */
export const VERDICT_JSON_SCHEMA: Readonly<Record<string, unknown>> = Object.freeze({
  type: 'object',
  additionalProperties: false,
  required: ['verdict', 'confidence', 'direction', 'reasons', 'risks', 'counterpoints'],
  properties: {
    verdict: { type: 'string', enum: ['APPROVE', 'REJECT'] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    direction: { type: 'string', enum: ['LONG', 'SHORT'] },
    reasons: textList(1),
    risks: textList(0),
    counterpoints: textList(0),
  },
});

/** A parse result: the verdict, or why the text is not one. */
export type VerdictParse =
  | { readonly ok: true; readonly verdict: ValidationVerdict }
  | { readonly ok: false; readonly code: 'MALFORMED_JSON' | 'SCHEMA_VIOLATION'; readonly reason: string };

const KEYS = ['verdict', 'confidence', 'direction', 'reasons', 'risks', 'counterpoints'];

function listError(name: string, v: unknown, minItems: number): string | null {
  if (!Array.isArray(v)) return `${name} must be a list of texts`;
  if (v.length < minItems || v.length > VERDICT_LIMITS.maxItems) return `${name} must have ${minItems}..${VERDICT_LIMITS.maxItems} items, has ${v.length}`;
  const bad = v.findIndex((x) => typeof x !== 'string' || x.trim().length === 0 || x.length > VERDICT_LIMITS.maxItemLength);
  return bad >= 0 ? `${name}[${bad}] must be a non-empty text of at most ${VERDICT_LIMITS.maxItemLength} characters` : null;
}

/**
 * The validator answer `text` as a verdict, strictly: one JSON object (surrounding whitespace
 * allowed, nothing else: no code fences, no prose) with exactly the schema's keys and types.
 * Never throws.
 */
export function parseVerdict(text: string | null | undefined): VerdictParse {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, code: 'MALFORMED_JSON', reason: 'the answer is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'MALFORMED_JSON', reason: `the answer is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, code: 'SCHEMA_VIOLATION', reason: 'the answer is not a JSON object' };
  const o = value as Record<string, unknown>;
  const problems: string[] = [];
  const missing = KEYS.filter((k) => !(k in o));
  if (missing.length > 0) problems.push(`missing ${missing.join(', ')}`);
  const extra = Object.keys(o).filter((k) => !KEYS.includes(k));
  if (extra.length > 0) problems.push(`unexpected ${extra.join(', ')}`);
  if ('verdict' in o && o['verdict'] !== 'APPROVE' && o['verdict'] !== 'REJECT') problems.push(`verdict must be APPROVE or REJECT, got ${JSON.stringify(o['verdict'])}`);
  if ('confidence' in o && !(typeof o['confidence'] === 'number' && Number.isFinite(o['confidence']) && o['confidence'] >= 0 && o['confidence'] <= 1)) {
    problems.push(`confidence must be a number in [0, 1], got ${JSON.stringify(o['confidence'])}`);
  }
  if ('direction' in o && o['direction'] !== 'LONG' && o['direction'] !== 'SHORT') problems.push(`direction must be LONG or SHORT, got ${JSON.stringify(o['direction'])}`);
  for (const [name, min] of [['reasons', 1], ['risks', 0], ['counterpoints', 0]] as const) {
    const err = name in o ? listError(name, o[name], min) : null;
    if (err) problems.push(err);
  }
  if (problems.length > 0) return { ok: false, code: 'SCHEMA_VIOLATION', reason: `the answer breaks the verdict schema: ${problems.join('; ')}` };
  return {
    ok: true,
    verdict: {
      verdict: o['verdict'] as ValidationVerdict['verdict'],
      confidence: o['confidence'] as number,
      direction: o['direction'] as ValidationVerdict['direction'],
      reasons: [...(o['reasons'] as string[])],
      risks: [...(o['risks'] as string[])],
      counterpoints: [...(o['counterpoints'] as string[])],
    },
  };
}
