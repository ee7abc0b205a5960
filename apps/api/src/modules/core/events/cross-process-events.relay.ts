import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { WsMessage } from '@mcube/contracts';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { CROSS_PROCESS_EVENTS, crossProcessChannel, parseRelayedEvent } from './cross-process-events';
import { AppEventsBus } from './app-events.bus';

/** How long boot waits for the subscription before going on (events then start once Redis answers). */
const SUBSCRIBE_WAIT_MS = 2_000;
/** A Redis outage is logged at most this often (wall time). */
const FAILURE_LOG_EVERY_MS = 60_000;

/**
 * With REDIS_URL, the API and its workers are one system over several processes: a job (a
 * backtest run, an order, the position monitor…) may run in a worker, but the sockets are the
 * API's. This relay publishes the cross-process events (`CROSS_PROCESS_EVENTS`) this process
 * puts on its bus to the deployment's Redis channel, and puts those of the other processes on
 * its own bus, so every socket sees them once. Without REDIS_URL it does nothing (one process).
 * Best effort, like the socket itself: while Redis is unreachable an event stays in the process
 * that made it (what it stored is still read over REST) and the outage is logged.
 */
@Injectable()
export class CrossProcessEventsRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventsRelay');
  /** This process's id on the channel: its own events come back to it and are skipped. */
  private readonly origin = randomUUID();
  private readonly channel: string;
  private publisher?: Redis;
  private subscriber?: Redis;
  private unsubscribeBus?: () => void;
  /** True while a relayed event is being delivered here (so it is not sent back out). */
  private delivering = false;
  private lastFailureLogMs = -Infinity;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: AppEventsBus,
  ) {
    this.channel = crossProcessChannel(config.jobs.queuePrefix);
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.redisUrl;
    if (!url) return;
    // Dropped, not queued, while Redis is down: a late burst of stale progress helps nobody.
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false });
    this.publisher.on('error', () => undefined);
    this.subscriber = new Redis(url, { connectTimeout: 2000 });
    this.subscriber.on('error', (error: Error) => this.logFailure('subscribe', error));
    this.subscriber.on('message', (_channel: string, text: string) => this.deliver(text));
    this.unsubscribeBus = this.bus.subscribe((message) => this.forward(message));
    const subscribed = this.subscriber.subscribe(this.channel).then(
      () => true,
      (error: unknown) => {
        this.logFailure('subscribe', error);
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), SUBSCRIBE_WAIT_MS)));
    const ok = await Promise.race([subscribed, waited]);
    clearTimeout(timer);
    if (!ok) this.logger.warn(`not yet subscribed to ${this.channel}: events of other processes reach this one once Redis answers`);
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribeBus?.();
    // The subscriber has nothing to flush (and a quit would wait for a Redis that may be down);
    // the publisher sends what it has in flight first when it is connected.
    this.subscriber?.disconnect();
    const publisher = this.publisher;
    if (publisher?.status === 'ready') await publisher.quit().catch(() => publisher.disconnect());
    else publisher?.disconnect();
  }

  private forward(message: WsMessage): void {
    if (this.delivering || !this.publisher || !CROSS_PROCESS_EVENTS.has(message.event)) return;
    this.publisher.publish(this.channel, JSON.stringify({ origin: this.origin, message })).catch((error: unknown) => this.logFailure('publish', error));
  }

  private deliver(text: string): void {
    const relayed = parseRelayedEvent(text);
    if (!relayed || relayed.origin === this.origin) return;
    this.delivering = true;
    try {
      this.bus.publish(relayed.message.event, relayed.message.data);
    } finally {
      this.delivering = false;
    }
  }

  private logFailure(what: string, error: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLogMs < FAILURE_LOG_EVERY_MS) return;
    this.lastFailureLogMs = now;
    this.logger.warn(`events relay ${what} failed (${(error as Error)?.message ?? String(error)}): events stay in the process that made them until Redis is back`);
  }
}
