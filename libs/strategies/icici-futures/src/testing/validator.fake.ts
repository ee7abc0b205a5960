import type { KnowledgeDocument, KnowledgeFilter, KnowledgeHit, KnowledgeQuery, KnowledgeStore, LlmValidator, TradeValidation, TradeValidationRequest, ValidationRejectCode } from '@mcube/domain';

/**
 * A validator that answers from a script, in order (default: pass), building a full
 * `TradeValidation`. The strategy's own tests use it; the real validators live in @mcube/llm.
 */
export class ScriptedValidator implements LlmValidator {
  readonly kind = 'SCRIPTED';
  readonly label = 'scripted validator (tests)';
  readonly requests: TradeValidationRequest[] = [];

  constructor(private readonly script: (ValidationRejectCode | 'PASS')[] = []) {}

  async validate(request: TradeValidationRequest): Promise<TradeValidation> {
    this.requests.push(request);
    const outcome = this.script.shift() ?? 'PASS';
    const passed = outcome === 'PASS';
    const verdict = { verdict: passed ? ('APPROVE' as const) : ('REJECT' as const), confidence: passed ? 0.8 : 0.3, direction: request.idea.direction, reasons: [passed ? 'scripted pass' : `scripted ${outcome}`], risks: [], counterpoints: [] };
    return {
      validatorKind: this.kind,
      label: this.label,
      model: 'script',
      promptName: 'script',
      promptVersion: 1,
      inputsHash: `hash-${this.requests.length}`,
      passed,
      rejectCode: passed ? null : (outcome as ValidationRejectCode),
      reason: passed ? 'scripted pass' : `scripted ${outcome}`,
      verdict,
      rawAnswer: JSON.stringify(verdict),
      status: 'COMPLETED',
      minConfidence: request.minConfidence,
      passages: request.passages,
      latencyMs: 1,
      promptTokens: null,
      completionTokens: null,
      requestedAtMs: 0,
      completedAtMs: 1,
    };
  }
}

/** A knowledge store that returns its documents for any query with a shared word (or fails when told to). */
export class TinyKnowledgeStore implements KnowledgeStore {
  readonly kind = 'TINY';
  failing = false;
  readonly queries: KnowledgeQuery[] = [];

  constructor(private readonly docs: KnowledgeDocument[] = []) {}

  async upsert(d: KnowledgeDocument): Promise<void> {
    this.docs.push(d);
  }

  async remove(id: string): Promise<void> {
    const i = this.docs.findIndex((d) => d.id === id);
    if (i >= 0) this.docs.splice(i, 1);
  }

  async get(id: string): Promise<KnowledgeDocument | null> {
    return this.docs.find((d) => d.id === id) ?? null;
  }

  async ids(f: KnowledgeFilter): Promise<readonly string[]> {
    return this.docs
      .filter((d) => (f.tags ?? []).every((t) => d.tags.includes(t)) && (!f.sourceKinds?.length || f.sourceKinds.includes(d.source.kind)))
      .map((d) => d.id)
      .sort();
  }

  async search(q: KnowledgeQuery): Promise<readonly KnowledgeHit[]> {
    this.queries.push(q);
    if (this.failing) throw new Error('store down');
    const words = new Set(q.text.toLowerCase().split(/\W+/));
    return this.docs
      .filter((d) => d.text.toLowerCase().split(/\W+/).some((w) => words.has(w)))
      .slice(0, q.limit)
      .map((document, i) => ({ document, score: 10 - i }));
  }
}
