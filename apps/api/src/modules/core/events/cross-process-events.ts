import type { WsEventName, WsMessage } from '@mcube/contracts';

/**
 * Events that cross processes (API ↔ workers) when REDIS_URL is set: each is published by
 * exactly one process, where the job or request that caused it ran (a job may run in any
 * process sharing the BullMQ queues), so every process's sockets must see it. Events every
 * process makes for itself on its own timer (`market.tick`, `market.clock`) stay local:
 * relaying them would push each tick twice.
 */
export const CROSS_PROCESS_EVENTS: ReadonlySet<WsEventName> = new Set<WsEventName>([
  'backtest.progress',
  'order.updated',
  'position.updated',
  'decision.recorded',
  'alert.raised',
  'account.summary',
  'risk.state',
  'approval.requested',
  'market.chain',
]);

/** The Redis pub/sub channel of a deployment (its queue prefix keeps deployments apart). */
export function crossProcessChannel(queuePrefix: string): string {
  return `${queuePrefix}:app-events`;
}

/** What travels on the channel: the event and the id of the process that published it. */
export interface RelayedEvent {
  origin: string;
  message: WsMessage;
}

/** Parses one channel message; undefined for anything that is not a relayed event of the list above. */
export function parseRelayedEvent(text: string): RelayedEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const v = value as Partial<RelayedEvent> | null;
  if (!v || typeof v.origin !== 'string' || !v.message || typeof v.message !== 'object') return undefined;
  const event = (v.message as { event?: unknown }).event;
  if (typeof event !== 'string' || !CROSS_PROCESS_EVENTS.has(event as WsEventName)) return undefined;
  return { origin: v.origin, message: v.message };
}
