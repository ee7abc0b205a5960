import { Injectable } from '@nestjs/common';
import type { WsEventMap, WsEventName, WsMessage } from '@mcube/contracts';

/** A subscriber of app events. */
export type AppEventListener = (message: WsMessage) => void;

/**
 * The app-wide event bus: in-process fan-out of the typed events (`WsEventMap`: orders,
 * positions, risk state, alerts, ticks, chain snapshots…) from the services and jobs that make
 * them to their listeners (the `/ws` gateway, the cross-process relay). Provided once, by the
 * global `EventsModule`. A listener that throws is skipped, never stops the others.
 */
@Injectable()
export class AppEventsBus {
  private readonly listeners = new Set<AppEventListener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: AppEventListener): () => void {
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
