import { Injectable } from '@nestjs/common';
import type { OutgoingAlert } from '@mcube/domain';
import type { Alert } from '../entities/alert.entity';

/** Builds the message of an alert whose `delivery.content` names it (the daily report with its chart). */
export type AlertContentRenderer = (alert: Alert) => Promise<OutgoingAlert>;

/**
 * Renderers other modules register (in `onModuleInit`), so a delivery job in any process can
 * rebuild a rich message from stored data instead of carrying files through the queue.
 */
@Injectable()
export class AlertContentRegistry {
  private readonly renderers = new Map<string, AlertContentRenderer>();

  /** Registers the renderer of `content`; a second registration of a name throws. */
  register(content: string, renderer: AlertContentRenderer): void {
    if (this.renderers.has(content)) throw new Error(`alert content "${content}" has two renderers`);
    this.renderers.set(content, renderer);
  }

  get(content: string): AlertContentRenderer | undefined {
    return this.renderers.get(content);
  }
}
