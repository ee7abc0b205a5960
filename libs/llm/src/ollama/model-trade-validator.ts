import { BrokerError, type LlmPort, type LlmValidator, type TradeValidation, type TradeValidationRequest, type ValidationRejectCode } from '@mcube/domain';
import { inputsHash } from '../hash/inputs-hash';
import { FUTURES_VALIDATION_PROMPT, promptTemplate, type PromptTemplate } from '../prompts/prompt-templates.data';
import { renderPrompt } from '../prompts/render-prompt';
import { judgeVerdict } from '../verdict/judge-verdict';
import { parseVerdict, VERDICT_JSON_SCHEMA } from '../verdict/verdict-schema';

/** Settings of a model-backed validator. */
export interface ModelTradeValidatorOptions {
  readonly llm: LlmPort;
  /** The model's name as stored with each validation. */
  readonly model: string;
  /** 'OLLAMA' for the Ollama adapter. */
  readonly kind?: string;
  readonly label?: string;
  readonly promptVersion?: number;
  readonly timeoutMs?: number;
  readonly maxTokens?: number;
  /** Wall clock for latency (default `Date.now`): latency is wall time, not market time. */
  readonly wallClockMs?: () => number;
}

/** The validator's failure code for an LLM call that threw. */
export function failureCodeOf(e: unknown): { code: ValidationRejectCode; status: 'FAILED' | 'TIMED_OUT' } {
  const code = e instanceof BrokerError ? e.details.brokerCode : undefined;
  if (code === 'TIMEOUT') return { code: 'TIMEOUT', status: 'TIMED_OUT' };
  if (code === 'UNAVAILABLE') return { code: 'UNAVAILABLE', status: 'FAILED' };
  if (code === 'MALFORMED_BODY') return { code: 'MALFORMED_JSON', status: 'FAILED' };
  if (e instanceof BrokerError && (e.kind === 'TEMPORARY' || e.kind === 'RATE_LIMITED')) return { code: 'SERVER_ERROR', status: 'FAILED' };
  if (e instanceof BrokerError && e.kind === 'REJECTED') return { code: 'REQUEST_REFUSED', status: 'FAILED' };
  return { code: 'VALIDATOR_ERROR', status: 'FAILED' };
}

/**
 * The LLM validator over any `LlmPort` (Ollama in production): renders the versioned prompt
 * with the idea and the retrieved passages, asks for JSON of `VERDICT_JSON_SCHEMA` at
 * temperature 0, parses strictly and applies `judgeVerdict`. Fail-closed: a timeout, an HTTP
 * error, an unreachable server, a malformed or off-schema answer, a low confidence or the other
 * direction all return `passed: false` with the code, the reason and the raw answer; `validate`
 * never rejects.
 */
export class ModelTradeValidator implements LlmValidator {
  readonly kind: string;
  readonly label: string;
  private readonly template: PromptTemplate;
  private readonly now: () => number;

  constructor(private readonly options: ModelTradeValidatorOptions) {
    this.kind = options.kind ?? 'OLLAMA';
    this.label = options.label ?? `Ollama ${options.model}`;
    this.template = promptTemplate(FUTURES_VALIDATION_PROMPT, options.promptVersion);
    this.now = options.wallClockMs ?? Date.now;
  }

  async validate(request: TradeValidationRequest): Promise<TradeValidation> {
    const requestedAtMs = this.now();
    const { idea, passages, minConfidence } = request;
    const base = {
      validatorKind: this.kind,
      label: this.label,
      model: this.options.model,
      promptName: this.template.name,
      promptVersion: this.template.version,
      inputsHash: inputsHash({ idea, passages, prompt: `${this.template.name}@${this.template.version}`, model: this.options.model, minConfidence }),
      minConfidence,
      passages,
      requestedAtMs,
    };
    const done = (rest: Pick<TradeValidation, 'passed' | 'rejectCode' | 'reason' | 'verdict' | 'rawAnswer' | 'status' | 'promptTokens' | 'completionTokens'>): TradeValidation => {
      const completedAtMs = this.now();
      return { ...base, ...rest, latencyMs: Math.max(0, completedAtMs - requestedAtMs), completedAtMs };
    };
    try {
      const prompt = renderPrompt(this.template, request);
      const answer = await this.options.llm.generate({ system: prompt.system, prompt: prompt.user, temperature: 0, jsonSchema: VERDICT_JSON_SCHEMA, timeoutMs: this.options.timeoutMs, maxTokens: this.options.maxTokens });
      const tokens = { promptTokens: answer.promptTokens ?? null, completionTokens: answer.completionTokens ?? null };
      const parsed = parseVerdict(answer.text);
      if (!parsed.ok) return done({ passed: false, rejectCode: parsed.code, reason: parsed.reason, verdict: null, rawAnswer: answer.text, status: 'FAILED', ...tokens });
      const judged = judgeVerdict(parsed.verdict, idea, minConfidence);
      return done({ ...judged, verdict: parsed.verdict, rawAnswer: answer.text, status: 'COMPLETED', ...tokens });
    } catch (e) {
      const { code, status } = failureCodeOf(e);
      const message = e instanceof Error ? e.message : String(e);
      return done({ passed: false, rejectCode: code, reason: `validation failed (${code}): ${message}`, verdict: null, rawAnswer: null, status, promptTokens: null, completionTokens: null });
    }
  }
}
