import type { ConfigFieldError } from '@mcube/strategy-icici-futures';
import { ICICI_FUTURES_CONFIG_DEFAULTS, validateIciciFuturesConfig, type IciciFuturesConfig } from '@mcube/strategy-icici-futures';

/** The account facts the strategy's configuration needs besides its stored parameters. */
export interface IciciAccountFacts {
  readonly accountId: number;
  readonly allocatedCapitalPaise: number;
  readonly perTradeRiskPaise?: number | null;
  readonly maxPositionExposurePaise?: number | null;
  readonly maxTotalExposurePaise?: number | null;
  readonly maxLeverage?: number | null;
  readonly firstTradeFraction?: number;
}

const num = (p: Record<string, unknown>, k: string): number | undefined => (typeof p[k] === 'number' && Number.isFinite(p[k]) ? (p[k] as number) : undefined);
const pct = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.round(v * 100 * 1e6) / 1e6);

/**
 * The strategy's configuration from the stored LLM_VALIDATED_FUTURES parameters (fractions there,
 * percent in the library: STYLE.md), the account's capital and risk limits, and `runtime`
 * overrides the host lays on (timeouts at the market clock's speed; tests). Unknown or missing
 * stored fields keep the library defaults. Returns the field errors when the result is invalid.
 */
export function iciciConfigOf(parameters: Record<string, unknown>, account: IciciAccountFacts, runtime: Partial<IciciFuturesConfig> = {}): { ok: true; config: IciciFuturesConfig } | { ok: false; errors: ConfigFieldError[] } {
  const p = parameters;
  const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
  const caps = Array.isArray(p['averagingMarginCaps']) ? (p['averagingMarginCaps'] as number[]) : undefined;
  const config: IciciFuturesConfig = {
    ...ICICI_FUTURES_CONFIG_DEFAULTS,
    ...defined({
      accountId: String(account.accountId),
      allocatedCapitalPaise: account.allocatedCapitalPaise,
      perTradeRiskPaise: account.perTradeRiskPaise ?? undefined,
      maxPositionExposurePaise: account.maxPositionExposurePaise ?? undefined,
      maxTotalExposurePaise: account.maxTotalExposurePaise ?? undefined,
      maxLeverage: account.maxLeverage ?? undefined,
      firstTradeFraction: account.firstTradeFraction,
      minDaysToExpiry: num(p, 'minDaysToExpiry'),
      stopLossPct: pct(num(p, 'stopLossPct')),
      targetPct: pct(num(p, 'targetPct')),
      minRiskRewardRatio: num(p, 'minRiskRewardRatio'),
      eodMinProfitPct: num(p, 'minProfitPctToExit'),
      allowAveraging: typeof p['allowAveraging'] === 'boolean' ? (p['allowAveraging'] as boolean) : undefined,
      maxAverageAttempts: num(p, 'maxAverageAttempts'),
      averageTriggerPct: pct(num(p, 'averageTriggerPct')),
      averagingMarginCapFractions: caps,
      averagedStopLossPct: pct(num(p, 'averagedStopLossPct')),
      minLlmConfidence: num(p, 'minLlmConfidence'),
      oiChangeThresholdPct: num(p, 'oiChangeThresholdPct'),
      pcrBullishAbove: num(p, 'pcrBullishAbove'),
      pcrBearishBelow: num(p, 'pcrBearishBelow'),
      minScreeningScore: num(p, 'minScreeningScore'),
      tickSize: num(p, 'tickSize'),
    }),
    ...runtime,
  };
  const errors = validateIciciFuturesConfig(config);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
