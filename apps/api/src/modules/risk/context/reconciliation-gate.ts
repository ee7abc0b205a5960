import { Injectable } from '@nestjs/common';
import type { ReconciliationState } from '@mcube/domain';

/** Told when an account's gate changes, with its new state. */
export type ReconciliationGateListener = (accountId: number, state: ReconciliationState) => void;

/**
 * Which accounts have been reconciled with their broker since this process started. Held
 * in memory on purpose: after a crash or restart every account is PENDING, so it refuses new
 * risk (reductions of positions the broker confirms still go out: the domain's trading-state
 * model) until `ReconciliationService` succeeds for it; a reconciliation that finds
 * differences makes it MISMATCH. Listeners hear every real change (the live `risk.state` event).
 */
@Injectable()
export class ReconciliationGate {
  private readonly reconciled = new Set<number>();
  private readonly mismatched = new Set<number>();
  private readonly listeners = new Set<ReconciliationGateListener>();

  /** True once the account's journal and broker were found equal in this process. */
  isReconciled(accountId: number): boolean {
    return this.reconciled.has(accountId);
  }

  /** PENDING (nothing succeeded yet in this process), MISMATCH (the last run found differences) or RECONCILED. */
  stateOf(accountId: number): ReconciliationState {
    return this.reconciled.has(accountId) ? 'RECONCILED' : this.mismatched.has(accountId) ? 'MISMATCH' : 'PENDING';
  }

  /** Opens the gate for `accountId`. */
  markReconciled(accountId: number): void {
    this.mismatched.delete(accountId);
    if (this.reconciled.has(accountId)) return;
    this.reconciled.add(accountId);
    this.notify(accountId);
  }

  /** Closes it again: a reconciliation found a mismatch (`mismatch`, the default), or one is pending. */
  markUnreconciled(accountId: number, mismatch = true): void {
    const wasMismatch = this.mismatched.has(accountId);
    if (mismatch) this.mismatched.add(accountId);
    else this.mismatched.delete(accountId);
    if (!this.reconciled.delete(accountId) && wasMismatch === mismatch) return;
    this.notify(accountId);
  }

  /** Registers a listener; returns the function that removes it. */
  onChange(listener: ReconciliationGateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(accountId: number): void {
    const state = this.stateOf(accountId);
    for (const listener of this.listeners) {
      try {
        listener(accountId, state);
      } catch {
        // A listener's failure must not change the gate's answer.
      }
    }
  }
}
