import { NeoFields } from './neo-fields';
import type { NeoLimits, NeoMarginCheck } from './neo.types';

/** `quick/user/limits`: fields at the root; `Net` may carry float noise ('19.409999999999997'). */
export function parseLimits(json: unknown): NeoLimits {
  const f = NeoFields.of('limits', json);
  return { netPaise: f.paise('Net'), marginUsedPaise: f.paise('MarginUsed'), collateralPaise: f.paise('CollateralValue') };
}

/** `quick/user/check-margin` for one order; margins are never negative. */
export function parseMarginCheck(json: unknown): NeoMarginCheck {
  const f = NeoFields.of('margin check', json);
  const orderMarginPaise = f.paise('ordMrgn');
  if (orderMarginPaise < 0) f.fail('ordMrgn', 'an amount ≥ 0');
  return {
    orderMarginPaise,
    requiredMarginPaise: f.paise('reqdMrgn'),
    availableCashPaise: f.paise('avlCash'),
    shortfallPaise: f.paise('insufFund'),
    rmsValidated: f.text('rmsVldtd'),
  };
}
