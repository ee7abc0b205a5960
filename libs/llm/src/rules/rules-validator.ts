import type { LlmValidator, TradeIdea, TradeValidation, TradeValidationRequest, ValidationVerdict } from '@mcube/domain';
import { inputsHash } from '../hash/inputs-hash';
import { judgeVerdict } from '../verdict/judge-verdict';
import { parseVerdict } from '../verdict/verdict-schema';

/** The label shown wherever a rules verdict is shown (DECISIONS §6). */
export const RULES_VALIDATOR_LABEL = 'rules validator — no LLM configured';

/** Version of the rule set below; stored as the "prompt version" of its validations. */
export const RULES_VALIDATOR_VERSION = 1;

/** Thresholds of the rules validator (stored settings; PARAMETERS.md gives the reasons). */
export interface RulesValidatorSettings {
  /** A LONG with RSI above this (a SHORT below `rsiOversoldBelow`) is stretched. */
  readonly rsiOverboughtAbove: number;
  readonly rsiOversoldBelow: number;
  /** Last volume below this multiple of its average is weak participation. */
  readonly minVolumeRatio: number;
  /** A daily ATR above this multiple of the stop distance puts the stop inside normal noise. */
  readonly maxAtrToStopRatio: number;
  /** Confidence lost per risk found. */
  readonly confidencePenaltyPerRisk: number;
  /** Highest confidence it ever gives (a rules check is not certainty). */
  readonly maxConfidence: number;
  readonly minRiskRewardRatio: number;
}

export const RULES_VALIDATOR_DEFAULTS: RulesValidatorSettings = Object.freeze({
  rsiOverboughtAbove: 70,
  rsiOversoldBelow: 30,
  minVolumeRatio: 0.8,
  maxAtrToStopRatio: 4,
  confidencePenaltyPerRisk: 0.05,
  maxConfidence: 0.95,
  minRiskRewardRatio: 2,
});

const f = (v: number | null | undefined, dp = 2) => (v === null || v === undefined ? 'n/a' : v.toFixed(dp));

/**
 * The deterministic reviewer of a trade idea (the default when no LLM is configured). Hard
 * rules (any failing → REJECT): score at least its minimum, the sector verdict on the trade's
 * side, OI not against it, reward:risk at least the minimum, at least one lot. Risks found:
 * RSI stretched in the trade's direction, the close outside the Bollinger band on the trade's
 * side, volume below average, the stop inside the ATR noise, a level within the target
 * distance, OI unavailable, the options reading against the trade. Confidence =
 * min(maxConfidence, score / 100 − penalty × risks), rounded to 0.01. Same inputs → same verdict.
 */
export function reviewTradeIdea(idea: TradeIdea, s: RulesValidatorSettings = RULES_VALIDATOR_DEFAULTS): ValidationVerdict {
  const long = idea.direction === 'LONG';
  const t = idea.technicals;
  const failures: string[] = [];
  const passes: string[] = [];
  const check = (ok: boolean, pass: string, fail: string) => (ok ? passes : failures).push(ok ? pass : fail);
  const components = Object.entries(idea.score.components).map(([k, v]) => `${k} ${v}`).join(', ');
  check(idea.score.total >= idea.score.minimum, `Score ${idea.score.total} ≥ ${idea.score.minimum} (${components})`, `Score ${idea.score.total} is below the minimum ${idea.score.minimum}`);
  const sectorOk = idea.sector.verdict === (long ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
  const perf = `${f(idea.sector.perf3d)}/${f(idea.sector.perf7d)}/${f(idea.sector.perf21d)}% over 3/7/21 sessions`;
  check(sectorOk, `${idea.sector.index} ${idea.sector.verdict}: ${perf}`, `${idea.sector.index} is ${idea.sector.verdict} (${perf}), not on the ${idea.direction} side`);
  const oiAgainst = idea.openInterest.available && idea.openInterest.signal === (long ? 'BEARISH' : 'BULLISH');
  check(!oiAgainst, `OI: ${idea.openInterest.reason}`, `OI points the other way: ${idea.openInterest.reason}`);
  const risk = Math.abs(idea.entryPrice - idea.stopLoss);
  const reward = Math.abs(idea.target - idea.entryPrice);
  const rr = risk > 0 ? reward / risk : 0;
  check(rr >= s.minRiskRewardRatio - 1e-9, `Reward:risk ${rr.toFixed(2)} ≥ ${s.minRiskRewardRatio}`, `Reward:risk ${rr.toFixed(2)} is below ${s.minRiskRewardRatio}`);
  check(idea.lots >= 1, `${idea.lots} lot(s), risk ₹${(idea.riskPaise / 100).toFixed(0)}`, 'The plan has no whole lot');

  const risks: string[] = [];
  const counterpoints: string[] = [];
  if (t.rsi !== null && (long ? t.rsi > s.rsiOverboughtAbove : t.rsi < s.rsiOversoldBelow)) risks.push(`RSI ${f(t.rsi)} is stretched for a ${idea.direction}`);
  if (t.bollinger && (long ? t.bollinger.percentB > 1 : t.bollinger.percentB < 0)) risks.push(`The close is outside the Bollinger band on the trade's side (%B ${f(t.bollinger.percentB)})`);
  if (t.volumeRatio !== null && t.volumeRatio < s.minVolumeRatio) risks.push(`Volume is ${f(t.volumeRatio)}× its average: weak participation`);
  const stopPct = idea.entryPrice > 0 ? (risk / idea.entryPrice) * 100 : 0;
  if (t.atrPct !== null && stopPct > 0 && t.atrPct > s.maxAtrToStopRatio * stopPct) risks.push(`Daily ATR ${f(t.atrPct)}% is over ${s.maxAtrToStopRatio}× the ${f(stopPct)}% stop: the stop sits inside normal noise`);
  const level = long ? t.resistanceDistancePct : t.supportDistancePct;
  const targetPct = idea.entryPrice > 0 ? (reward / idea.entryPrice) * 100 : 0;
  if (level !== null && level < targetPct) risks.push(`${long ? 'Resistance' : 'Support'} ${f(level)}% away, inside the ${f(targetPct)}% target`);
  if (!idea.openInterest.available) risks.push('Futures OI is unavailable: the primary signal is missing');
  const optionsAgainst = idea.openInterest.optionsSignal === (long ? 'BEARISH' : 'BULLISH');
  if (optionsAgainst) risks.push(`Options PCR ${f(idea.openInterest.pcr)} reads ${idea.openInterest.optionsSignal}`);
  if (idea.openInterest.optionsSignal === 'UNAVAILABLE') counterpoints.push('No option chain: the OI signal is not confirmed by PCR');
  else if (idea.openInterest.optionsSignal === 'NEUTRAL') counterpoints.push(`PCR ${f(idea.openInterest.pcr)} is neutral: no options confirmation`);
  if (t.emaTrend !== (long ? 'UP' : 'DOWN')) counterpoints.push(`EMA trend is ${t.emaTrend}`);
  if (t.macd && (long ? t.macd.histogram <= 0 : t.macd.histogram >= 0)) counterpoints.push(`MACD histogram ${f(t.macd.histogram, 4)} is not on the ${idea.direction} side`);

  const raw = idea.score.total / 100 - s.confidencePenaltyPerRisk * risks.length;
  const confidence = Math.round(Math.max(0, Math.min(s.maxConfidence, raw)) * 100) / 100;
  return {
    verdict: failures.length === 0 ? 'APPROVE' : 'REJECT',
    confidence,
    direction: idea.direction,
    reasons: [...failures, ...passes].slice(0, 10),
    risks: risks.slice(0, 10),
    counterpoints: counterpoints.slice(0, 10),
  };
}

/**
 * `reviewTradeIdea` behind the `LlmValidator` port, labelled "rules validator — no LLM
 * configured": same inputs, same verdict shape (its answer goes through the same schema parse
 * and the same gate as a model's), stored like any validation. Never rejects.
 */
export class RulesTradeValidator implements LlmValidator {
  readonly kind = 'RULES';
  readonly label = RULES_VALIDATOR_LABEL;
  private readonly now: () => number;

  constructor(
    private readonly settings: RulesValidatorSettings = RULES_VALIDATOR_DEFAULTS,
    wallClockMs?: () => number,
  ) {
    this.now = wallClockMs ?? Date.now;
  }

  async validate(request: TradeValidationRequest): Promise<TradeValidation> {
    const requestedAtMs = this.now();
    const { idea, passages, minConfidence } = request;
    const base = {
      validatorKind: this.kind,
      label: this.label,
      model: `rules-v${RULES_VALIDATOR_VERSION}`,
      promptName: 'rules',
      promptVersion: RULES_VALIDATOR_VERSION,
      inputsHash: inputsHash({ idea, passages, prompt: `rules@${RULES_VALIDATOR_VERSION}`, settings: this.settings, minConfidence }),
      minConfidence,
      passages,
      requestedAtMs,
      promptTokens: null,
      completionTokens: null,
    };
    let rawAnswer: string | null = null;
    try {
      rawAnswer = JSON.stringify(reviewTradeIdea(idea, this.settings));
      const parsed = parseVerdict(rawAnswer);
      const completedAtMs = this.now();
      const timing = { latencyMs: Math.max(0, completedAtMs - requestedAtMs), completedAtMs };
      if (!parsed.ok) return { ...base, ...timing, passed: false, rejectCode: parsed.code, reason: parsed.reason, verdict: null, rawAnswer, status: 'FAILED' };
      return { ...base, ...timing, ...judgeVerdict(parsed.verdict, idea, minConfidence), verdict: parsed.verdict, rawAnswer, status: 'COMPLETED' };
    } catch (e) {
      const completedAtMs = this.now();
      const message = e instanceof Error ? e.message : String(e);
      return { ...base, latencyMs: Math.max(0, completedAtMs - requestedAtMs), completedAtMs, passed: false, rejectCode: 'VALIDATOR_ERROR', reason: `rules validator failed: ${message}`, verdict: null, rawAnswer, status: 'FAILED' };
    }
  }
}
