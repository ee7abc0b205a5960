/** One request to a language model. */
export interface LlmRequest {
  readonly system?: string;
  readonly prompt: string;
  /** 0 for repeatable validation answers. */
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** When set, the model is asked for JSON matching this schema. */
  readonly jsonSchema?: Readonly<Record<string, unknown>>;
  readonly timeoutMs?: number;
}

/** The model's answer. */
export interface LlmResponse {
  readonly text: string;
  readonly model: string;
  readonly promptTokens?: number;
  readonly completionTokens?: number;
}

/**
 * A language model (local Ollama in production, a scripted fake in tests). Required:
 * `generate`. Optional: `embed` (vectors for the knowledge store). Guarantees: resolves
 * with the full answer text (no streaming at this port); rejects with a `BrokerError`
 * (TEMPORARY for a timeout/unreachable server, REJECTED for a refused request). The text
 * is untrusted: callers parse and validate it; an LLM answer never places an order by
 * itself (it becomes an order intent that goes through risk checks and approval).
 */
export interface LlmPort {
  generate(request: LlmRequest): Promise<LlmResponse>;
  embed?(texts: readonly string[]): Promise<readonly (readonly number[])[]>;
}
