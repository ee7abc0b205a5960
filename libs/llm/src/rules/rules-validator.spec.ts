import { buildTradeIdea, PASSAGES } from '../testing/trade-idea.fixture';
import { parseVerdict } from '../verdict/verdict-schema';
import { RULES_VALIDATOR_LABEL, RulesTradeValidator, reviewTradeIdea } from './rules-validator';

const idea = buildTradeIdea();
const validate = (i = idea, minConfidence = 0.7) => new RulesTradeValidator().validate({ idea: i, passages: PASSAGES, minConfidence });

describe('the rules validator (no LLM configured)', () => {
  it('approves a sound idea at score ÷ 100 with no risk found, labelled as the rules validator', async () => {
    const v = await validate();
    expect(v).toMatchObject({ passed: true, rejectCode: null, status: 'COMPLETED', validatorKind: 'RULES', label: 'rules validator — no LLM configured', model: 'rules-v1', promptName: 'rules', promptVersion: 1, promptTokens: null });
    expect(v.label).toBe(RULES_VALIDATOR_LABEL);
    expect(v.verdict).toMatchObject({ verdict: 'APPROVE', confidence: 0.85, direction: 'LONG', risks: [] });
    expect(v.verdict!.reasons[0]).toBe('Score 85 ≥ 65 (oi 40, sector 30, trend 15, rsi 0, room 0)');
    expect(parseVerdict(v.rawAnswer)).toEqual({ ok: true, verdict: v.verdict });
  });

  it('gives the same verdict and hash for the same inputs', async () => {
    const [a, b] = [await validate(), await validate()];
    expect(a.verdict).toEqual(b.verdict);
    expect(a.inputsHash).toBe(b.inputsHash);
  });

  it('takes 0.05 off per risk found: stretched RSI, outside the band, thin volume, stop inside the ATR noise, a level in the way', () => {
    const risky = buildTradeIdea({
      technicals: { ...idea.technicals, rsi: 74, bollinger: { ...idea.technicals.bollinger!, percentB: 1.08 }, volumeRatio: 0.6, atrPct: 2.4, resistanceDistancePct: 0.7 },
    });
    const r = reviewTradeIdea(risky);
    expect(r.risks).toHaveLength(5);
    // 0.85 − 5 × 0.05 = 0.60.
    expect(r).toMatchObject({ verdict: 'APPROVE', confidence: 0.6 });
  });

  it('turns an APPROVE below the minimum into LOW_CONFIDENCE', async () => {
    const v = await validate(buildTradeIdea({ score: { ...idea.score, total: 68 } }));
    expect(v).toMatchObject({ passed: false, rejectCode: 'LOW_CONFIDENCE', verdict: { verdict: 'APPROVE', confidence: 0.68 } });
  });

  it.each([
    ['a score below its minimum', { score: { ...idea.score, total: 60 } }, /Score 60 is below the minimum 65/],
    ['a sector against the trade', { sector: { ...idea.sector, verdict: 'MIXED' as const } }, /NIFTY IT is MIXED/],
    ['OI against the trade', { openInterest: { ...idea.openInterest, signal: 'BEARISH' as const } }, /OI points the other way/],
    ['reward:risk below 2', { target: 1612 }, /Reward:risk 1.50 is below 2/],
    ['no whole lot', { lots: 0, quantity: 0 }, /no whole lot/],
  ])('rejects %s (hard rule) as MODEL_REJECTED', async (_name, over, reason) => {
    const v = await validate(buildTradeIdea(over));
    expect(v).toMatchObject({ passed: false, rejectCode: 'MODEL_REJECTED', verdict: { verdict: 'REJECT' } });
    expect(v.verdict!.reasons[0]).toMatch(reason);
  });

  it('reviews a SHORT on its own side: a bearish sector and OI pass, an oversold RSI is a risk', () => {
    const short = buildTradeIdea({
      direction: 'SHORT',
      entryPrice: 1600,
      stopLoss: 1608,
      target: 1584,
      sector: { ...idea.sector, verdict: 'STRONG_BEARISH', perf3d: -1, perf7d: -2, perf21d: -4 },
      openInterest: { ...idea.openInterest, signal: 'BEARISH', optionsSignal: 'BEARISH', pcr: 0.6 },
      technicals: { ...idea.technicals, rsi: 25, emaTrend: 'DOWN', macd: { macd: -3, signal: -2, histogram: -1 } },
    });
    const r = reviewTradeIdea(short);
    expect(r).toMatchObject({ verdict: 'APPROVE', direction: 'SHORT', confidence: 0.8 });
    expect(r.risks).toEqual(['RSI 25.00 is stretched for a SHORT']);
  });
});
