import type { LlmValidator, TradeValidation, TradeValidationRequest } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { LlmValidation } from './entities/llm-validation.entity';

/**
 * Stores every validation in `llm_validations` (prompt name and version, model, inputs hash,
 * raw answer, parsed verdict, latency, tokens), then returns it unchanged. The validator
 * itself never rejects (fail-closed by contract); a failed store rejects, so the screen job is
 * retried rather than asking a person about a validation nobody can look up.
 */
export class RecordingValidator implements LlmValidator {
  constructor(
    private readonly inner: LlmValidator,
    private readonly dataSource: DataSource,
    /** The `llm_prompts` row a validation used (by prompt name and version); absent in hand-built tests: promptId null. */
    private readonly prompts?: { idOf(name: string, version: number): Promise<number | null> },
  ) {}

  get kind(): string {
    return this.inner.kind;
  }

  get label(): string {
    return this.inner.label;
  }

  async validate(request: TradeValidationRequest): Promise<TradeValidation> {
    const v = await this.inner.validate(request);
    const { idea } = request;
    const promptId = this.prompts ? await this.prompts.idOf(v.promptName, v.promptVersion) : null;
    await inTransaction(this.dataSource, (m) =>
      m.insert(LlmValidation, {
        accountId: /^\d+$/.test(idea.accountId) ? Number(idea.accountId) : null,
        promptId,
        strategyType: 'LLM_VALIDATED_FUTURES',
        symbol: idea.contract.slice(0, 60),
        direction: idea.direction,
        model: `${v.label} (${v.model})`.slice(0, 100),
        status: v.status,
        inputs: JSON.parse(JSON.stringify({ promptName: v.promptName, promptVersion: v.promptVersion, inputsHash: v.inputsHash, minConfidence: v.minConfidence, idea, passages: v.passages, verdict: v.verdict, promptTokens: v.promptTokens, completionTokens: v.completionTokens })) as never,
        responseText: v.rawAnswer,
        approved: v.passed,
        confidence: v.verdict?.confidence ?? null,
        reasoning: v.reason,
        latencyMs: Math.round(v.latencyMs),
        errorMessage: v.rejectCode,
        requestedAt: new Date(v.requestedAtMs),
        completedAt: new Date(v.completedAtMs),
        humanDecision: null,
        decidedBy: null,
        decidedAt: null,
      }),
    );
    return v;
  }
}
