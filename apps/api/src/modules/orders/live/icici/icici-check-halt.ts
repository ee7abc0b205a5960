import { Logger } from '@nestjs/common';
import { breezeHaltOf } from '@mcube/brokers-icici-breeze';
import type { Clock, ExecutionClient } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { isLiveAccount } from '../../../accounts/account-reads';
import { AlertsService } from '../../../alerts/alerts.service';
import { AuditService } from '../../../core/audit/audit.service';
import { AppEventsBus } from '../../../core/events/app-events.bus';
import { ReconciliationGate } from '../../../risk/context/reconciliation-gate';
import { TradingStateService } from '../../../risk/context/trading-state.service';
import { KillSwitchService } from '../../../risk/kill-switch/kill-switch.service';
import { haltForBroker } from '../broker-halt';
import { HaltingExecutionClient } from '../halting-execution-client';

/** The check's view of ICICI's execution client and the halt it may have caused. */
export interface CheckHalting {
  readonly client: ExecutionClient;
  /** ICICI's halting reason, once an answer was read as halting (`breezeHaltOf`). */
  halted(): string | undefined;
  /** `error`, or when ICICI's answer halted: an Error naming the reason and what was done to the account. */
  explain(error: unknown): Error;
}

/**
 * `broker:check` of an ICICI account reads and orders through the same halting wrapper as the
 * live registry (`IciciLiveBrokers.executionClientFor`): an answer refusing the session, the app
 * key or the caller's IP halts the account (kill switch HALTED by `system`, CRITICAL alert) when
 * it is LIVE, exactly as in trading. A PAPER account is not halted: it does not trade at ICICI,
 * and its paper trading must not stop because a pre-go-live check met a stale key; the step
 * still fails with the reason.
 */
export function checkHalting(input: { readonly dataSource: DataSource; readonly account: { readonly id: number }; readonly wallClock: Clock; readonly inner: ExecutionClient }): CheckHalting {
  const { dataSource, account, wallClock } = input;
  let reason: string | undefined;
  let outcome = '';
  const onHalt = async (message: string): Promise<void> => {
    if (reason !== undefined) return;
    reason = message;
    outcome = `account ${account.id}: halting it failed, halt it by hand`; // replaced once the halt is stored
    // The stored mode now, not at the start: the check may run while someone switches.
    const live = await isLiveAccount(dataSource, account.id);
    if (!live) {
      outcome = `account ${account.id} is PAPER: not halted (a LIVE account would be)`;
      return;
    }
    const audit = AuditService.over(dataSource);
    // No reconciliation gate of its own: this process only writes the halt; the API reads the stored state.
    const killSwitch = new KillSwitchService(dataSource, audit, wallClock, new TradingStateService(dataSource, new ReconciliationGate()));
    const alerts = new AlertsService(dataSource, new AppEventsBus());
    await haltForBroker({ killSwitch, alerts, logger: new Logger('broker:check'), nowMs: wallClock.nowMs() }, 'ICICI', account.id, message);
    outcome = `account ${account.id} HALTED`;
  };
  return {
    client: new HaltingExecutionClient(input.inner, onHalt, breezeHaltOf),
    halted: () => reason,
    explain: (error) => (reason === undefined ? (error as Error) : new Error(`${reason} (${outcome})`)),
  };
}
