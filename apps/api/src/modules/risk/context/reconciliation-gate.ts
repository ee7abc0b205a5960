import { Injectable } from '@nestjs/common';

/** Told when an account's gate opens (`true`) or closes (`false`). */
export type ReconciliationGateListener = (accountId: number, reconciled: boolean) => void;

/**
 * Which accounts have been reconciled with their broker since this process started. Held
 * in memory on purpose: after a crash or restart the set is empty, so every account
 * trades as HALTED (`RiskContextService`) until `ReconciliationService` succeeds for it.
 * Listeners hear every real change (the live `risk.state` event).
 */
@Injectable()
export class ReconciliationGate {
  private readonly reconciled = new Set<number>();
  private readonly listeners = new Set<ReconciliationGateListener>();

  /** True once the account's journal and broker were found equal in this process. */
  isReconciled(accountId: number): boolean {
    return this.reconciled.has(accountId);
  }

  /** Opens the gate for `accountId`. */
  markReconciled(accountId: number): void {
    if (this.reconciled.has(accountId)) return;
    this.reconciled.add(accountId);
    this.notify(accountId, true);
  }

  /** Closes it again (a reconciliation started or found a mismatch). */
  markUnreconciled(accountId: number): void {
    if (!this.reconciled.delete(accountId)) return;
    this.notify(accountId, false);
  }

  /** Registers a listener; returns the function that removes it. */
  onChange(listener: ReconciliationGateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(accountId: number, reconciled: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(accountId, reconciled);
      } catch {
        // A listener's failure must not change the gate's answer.
      }
    }
  }
}
