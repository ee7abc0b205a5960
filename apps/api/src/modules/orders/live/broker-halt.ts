import type { Logger } from '@nestjs/common';
import type { AlertsService } from '../../alerts/alerts.service';
import type { KillSwitchService } from '../../risk/kill-switch/kill-switch.service';

/**
 * Halts an account on a broker's "do not trade" answer: the kill switch to HALTED by the system
 * (a failure to set it is logged, the alert still goes out) and a CRITICAL alert with the
 * broker's reason. The same for Kotak and ICICI.
 */
export async function haltForBroker(
  deps: { readonly killSwitch: KillSwitchService; readonly alerts: AlertsService; readonly logger: Logger; readonly nowMs: number },
  broker: 'Kotak' | 'ICICI',
  accountId: number,
  message: string,
): Promise<void> {
  deps.logger.error(`account ${accountId} halted: ${message}`);
  await deps.killSwitch.set('HALTED', `broker: ${message}`.slice(0, 500), accountId, { username: 'system', role: 'system' }).catch((e: Error) => deps.logger.error(`halting account ${accountId} failed: ${e.message}`));
  await deps.alerts.raise({ accountId, severity: 'CRITICAL', category: 'ORDERS', title: `${broker} account ${accountId} halted by the broker's answer`, message, occurredAtMs: deps.nowMs });
}
