import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { LiveSocketService } from '../core/live/live-socket.service';
import { ApprovalsApi } from '../pages/approvals/approvals.api';

/** The number of approval requests waiting for a person (the shell's badge): read on start, on every `approval.*` event, and every minute. */
@Injectable({ providedIn: 'root' })
export class PendingApprovalsStore {
  private readonly approvals = inject(ApprovalsApi);
  readonly count = signal(0);

  /** Starts following the queue for the lifetime of `destroyRef`'s owner. */
  follow(live: LiveSocketService, destroyRef: DestroyRef): void {
    void this.refresh();
    const subs = (['approval.requested', 'approval.decided', 'approval.expired'] as const).map((e) => live.on(e).subscribe(() => void this.refresh()));
    const timer = setInterval(() => void this.refresh(), 60_000);
    destroyRef.onDestroy(() => {
      clearInterval(timer);
      for (const s of subs) s.unsubscribe();
    });
  }

  async refresh(): Promise<void> {
    try {
      this.count.set((await this.approvals.list('PENDING')).length);
    } catch {
      // The badge is a hint: a failed read keeps the last count (the Approvals page shows errors).
    }
  }
}
