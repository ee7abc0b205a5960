import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppEventsBus } from '../../core/events/app-events.bus';
import type { ApprovalEvent } from './approvals.port';

/**
 * The approval queue's listeners (Telegram cards, …): every new request and every decision,
 * told once, and pushed to the console (`approval.requested|decided|expired` on `/ws`). A
 * listener that throws is logged, never stops the others.
 */
@Injectable()
export class ApprovalEvents {
  private readonly logger = new Logger('Approvals');
  private readonly listeners = new Set<(event: ApprovalEvent) => void>();

  constructor(@Optional() private readonly bus?: AppEventsBus) {}

  subscribe(listener: (event: ApprovalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApprovalEvent): void {
    if (event.type === 'created') this.bus?.publish('approval.requested', { ...event.approval });
    else this.bus?.publish(event.decision.state === 'EXPIRED' ? 'approval.expired' : 'approval.decided', { ...event.decision });
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (error) {
        this.logger.warn(`approval listener failed: ${(error as Error).message}`);
      }
    }
  }
}
