import type { FuturesDirection } from '../futures/futures-direction';
import type { MarketSignal } from '../futures/open-interest';
import type { SectorVerdict } from '../futures/sector';
import type { Paise } from '../money/paise';
import type { IsoDate, IstTime } from '../time/ist-date';
import type { KnowledgePassage } from './knowledge-store.port';

/** Technical readings of a candidate from completed daily bars (null when there is not enough history). */
export interface TradeIdeaTechnicals {
  readonly rsi: number | null;
  readonly emaFast: number | null;
  readonly emaSlow: number | null;
  /** UP: close > fast EMA > slow EMA; DOWN: the mirror; else FLAT. */
  readonly emaTrend: 'UP' | 'DOWN' | 'FLAT';
  readonly macd: { readonly macd: number; readonly signal: number; readonly histogram: number } | null;
  readonly bollinger: { readonly upper: number; readonly middle: number; readonly lower: number; readonly percentB: number } | null;
  /** ATR as a percent of the last close. */
  readonly atrPct: number | null;
  /** Last session's volume ÷ the average volume of the look-back. */
  readonly volumeRatio: number | null;
  /** Percent from the entry price down to the support / up to the resistance (null: none in the look-back). */
  readonly supportDistancePct: number | null;
  readonly resistanceDistancePct: number | null;
}

/**
 * One screened futures candidate with its trade plan: everything a validator (a language model
 * or the deterministic rules validator) reviews. Prices in rupees, amounts in paise, changes in
 * percent. Plain JSON data.
 */
export interface TradeIdea {
  readonly accountId: string;
  readonly underlying: string;
  /** Exchange trading symbol of the futures contract. */
  readonly contract: string;
  readonly expiry: IsoDate;
  readonly direction: FuturesDirection;
  readonly asOfDate: IsoDate;
  readonly asOfTime: IstTime;
  readonly entryPrice: number;
  readonly stopLoss: number;
  readonly target: number;
  readonly lots: number;
  readonly quantity: number;
  readonly marginPaise: Paise;
  readonly riskPaise: Paise;
  readonly exposurePaise: Paise;
  readonly score: { readonly total: number; readonly minimum: number; readonly components: Readonly<Record<string, number>> };
  /** Futures OI reading; `available` false when the market source has no futures OI. */
  readonly openInterest: {
    readonly available: boolean;
    readonly signal: MarketSignal;
    readonly confidence: number | null;
    readonly reason: string;
    readonly oiChangePct: number | null;
    readonly priceChangePct: number | null;
    /** Options put-call ratio; null when the source has no option chain for the underlying. */
    readonly pcr: number | null;
    readonly optionsSignal: MarketSignal | 'UNAVAILABLE';
  };
  readonly sector: { readonly index: string; readonly verdict: SectorVerdict; readonly perf3d: number; readonly perf7d: number; readonly perf21d: number };
  readonly technicals: TradeIdeaTechnicals;
}

/** A validator's answer, the JSON every validator produces (schema in `@mcube/llm`). */
export interface ValidationVerdict {
  readonly verdict: 'APPROVE' | 'REJECT';
  /** 0..1. */
  readonly confidence: number;
  readonly direction: FuturesDirection;
  readonly reasons: readonly string[];
  readonly risks: readonly string[];
  readonly counterpoints: readonly string[];
}

/**
 * Why a validation did not pass. MODEL_REJECTED: the validator said REJECT. LOW_CONFIDENCE:
 * below the minimum. DIRECTION_CONTRADICTION: its direction is not the screener's. MALFORMED_JSON /
 * SCHEMA_VIOLATION: the answer was not the required JSON. TIMEOUT, SERVER_ERROR (5xx),
 * REQUEST_REFUSED (4xx, e.g. unknown model), UNAVAILABLE (no server): the call failed.
 * VALIDATOR_ERROR: anything else.
 */
export type ValidationRejectCode =
  | 'MODEL_REJECTED'
  | 'LOW_CONFIDENCE'
  | 'DIRECTION_CONTRADICTION'
  | 'MALFORMED_JSON'
  | 'SCHEMA_VIOLATION'
  | 'TIMEOUT'
  | 'SERVER_ERROR'
  | 'REQUEST_REFUSED'
  | 'UNAVAILABLE'
  | 'VALIDATOR_ERROR';

/** Everything to store one validation (the API's `LLMValidation` row) and show it on the approval card. */
export interface TradeValidation {
  /** 'OLLAMA' or 'RULES'. */
  readonly validatorKind: string;
  /** Shown wherever the verdict is shown: e.g. 'rules validator — no LLM configured'. */
  readonly label: string;
  readonly model: string;
  readonly promptName: string;
  readonly promptVersion: number;
  /** SHA-256 (hex) of the canonical JSON of idea, passages, prompt and minimum confidence. */
  readonly inputsHash: string;
  /** True only for a schema-valid APPROVE in the screener's direction at or above the minimum confidence. */
  readonly passed: boolean;
  readonly rejectCode: ValidationRejectCode | null;
  /** Why it passed or not, in words. */
  readonly reason: string;
  /** The parsed answer when it was valid JSON of the schema, else null. */
  readonly verdict: ValidationVerdict | null;
  /** The answer text as received (null when no answer came). */
  readonly rawAnswer: string | null;
  /** COMPLETED: an answer was judged; FAILED: no usable answer; TIMED_OUT: no answer in time. */
  readonly status: 'COMPLETED' | 'FAILED' | 'TIMED_OUT';
  readonly minConfidence: number;
  readonly passages: readonly KnowledgePassage[];
  /** Wall time of the call, ms. */
  readonly latencyMs: number;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  /** Wall-clock instants (UTC epoch ms) of the request and the answer. */
  readonly requestedAtMs: number;
  readonly completedAtMs: number;
}

/** One validation to run. */
export interface TradeValidationRequest {
  readonly idea: TradeIdea;
  /** Retrieved passages that go into the prompt (with their sources). */
  readonly passages: readonly KnowledgePassage[];
  /** Below this confidence the candidate is rejected (0.70 by default). */
  readonly minConfidence: number;
}

/**
 * The gate every ICICI candidate passes before a person is asked (plan §6 step 6). Adapters:
 * a local language model (Ollama) and the deterministic rules validator (the default, labelled
 * "rules validator — no LLM configured"). Guarantees: `validate` NEVER rejects and never
 * approves by default: a timeout, an error, a malformed or off-schema answer, a low confidence
 * or a direction other than the idea's all come back as `passed: false` with the code and the
 * reason. A pass is advice only: every order still needs a person's approval.
 */
export interface LlmValidator {
  readonly kind: string;
  readonly label: string;
  validate(request: TradeValidationRequest): Promise<TradeValidation>;
}
