import { Injectable, Logger } from '@nestjs/common';
import type { ApprovalEvent } from '../../alerts/bot/approvals.port';

/** The approval queue's listeners (Telegram cards, …): every new request and every decision, told once. A listener that throws is logged, never stops the others. */
@Injectable()
export class ApprovalEvents {
  private readonly logger = new Logger('Approvals');
  private readonly listeners = new Set<(event: ApprovalEvent) => void>();

  subscribe(listener: (event: ApprovalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApprovalEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (error) {
        this.logger.warn(`approval listener failed: ${(error as Error).message}`);
      }
    }
  }
}
