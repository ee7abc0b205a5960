import { Injectable } from '@nestjs/common';

/**
 * Which accounts have been reconciled with their broker since this process started. Held
 * in memory on purpose: after a crash or restart the set is empty, so every account
 * trades as HALTED (`RiskContextService`) until `ReconciliationService` succeeds for it.
 */
@Injectable()
export class ReconciliationGate {
  private readonly reconciled = new Set<number>();

  /** True once the account's journal and broker were found equal in this process. */
  isReconciled(accountId: number): boolean {
    return this.reconciled.has(accountId);
  }

  /** Opens the gate for `accountId`. */
  markReconciled(accountId: number): void {
    this.reconciled.add(accountId);
  }

  /** Closes it again (a reconciliation started or found a mismatch). */
  markUnreconciled(accountId: number): void {
    this.reconciled.delete(accountId);
  }
}
