import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import type { OrderUpdatedEvent } from '@mcube/contracts';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { IciciFuturesRunner } from '../icici/icici-futures.runner';
import { KotakStrangleRunner } from './kotak-strangle.runner';

/**
 * Statuses that can move a strategy's working entry or close: a fill, or the order ending.
 * (SUBMITTED/ACCEPTED change nothing for it; DENIED is answered inside the submit itself.)
 */
const PUSHED: ReadonlySet<OrderUpdatedEvent['status']> = new Set<OrderUpdatedEvent['status']>(['PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELED', 'EXPIRED']);

/**
 * Pushes order fills and endings to the strategy runners as they happen: every `order.updated`
 * on the events bus (published after its transaction committed, by the gateway, the order sync
 * or a cancel; from another process through the Redis relay) of a status that matters goes to
 * the strangle and the ICICI futures runners, which hand it to the account's strategy when this
 * process runs it. The bus's publisher is never held up: the work runs on its own and a failure
 * is logged (the monitor tick, the safety net, reconciles what an update could not).
 */
@Injectable()
export class StrategyOrderUpdates implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('StrategyOrderUpdates');
  private readonly inFlight = new Set<Promise<void>>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly bus: AppEventsBus,
    private readonly strangles: KotakStrangleRunner,
    /** Absent in hand-built strangle-only tests. */
    @Optional() private readonly icici?: IciciFuturesRunner,
  ) {}

  onModuleInit(): void {
    this.unsubscribe ??= this.bus.subscribe((m) => {
      if (m.event === 'order.updated' && PUSHED.has(m.data.status)) this.track(this.deliver(m.data));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Resolves once every update delivered so far was handled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(update: OrderUpdatedEvent): Promise<void> {
    try {
      if (!(await this.strangles.onOrderUpdated(update))) await this.icici?.onOrderUpdated(update);
    } catch (error) {
      this.logger.warn(`order ${update.clientOrderId} (account ${update.accountId}, ${update.status}) not handed to its strategy: ${(error as Error).message}; the monitor tick follows it`);
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}
