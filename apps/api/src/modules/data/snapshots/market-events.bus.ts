import { Injectable } from '@nestjs/common';
import type { WsEventMap, WsEventName, WsMessage } from '@mcube/contracts';

/** A subscriber of market events. */
export type MarketEventListener = (message: WsMessage) => void;

/**
 * In-process fan-out of typed market events (ticks, chain snapshots) from the jobs to the
 * WebSocket gateway. A listener that throws is skipped, never stops the others.
 */
@Injectable()
export class MarketEventsBus {
  private readonly listeners = new Set<MarketEventListener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: MarketEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers one event to every listener. */
  publish<E extends WsEventName>(event: E, data: WsEventMap[E]): void {
    const message = { event, data } as WsMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A broken socket must not stop the others.
      }
    }
  }
}
