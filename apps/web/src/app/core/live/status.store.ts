import { computed, DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import type { AccountSummaryResponse, PositionUpdatedEvent, QuotesResponse, WsEventMap, WsEventName } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';
import { PositionsApi } from '../positions/positions.api';
import { MarketClockService } from '../time/market-clock.service';
import { LiveSocketService } from './live-socket.service';
import { accountAlarm, legImbalance, type StatusLeg } from './status-rules';

/** How often REST is polled while the socket is down. */
export const POLL_MS = 5_000;
/** How long the socket may be down before polling starts (a reconnect usually takes less). */
export const POLL_AFTER_MS = 2_000;

/** The latest quote of an index the status bar shows. */
export interface IndexQuote {
  lastPrice: number;
  change: number | null;
  changePct: number | null;
}

/**
 * What the status bar shows on every page: NIFTY and India VIX, the accounts (mode, state,
 * alarms), open positions' leg balance, and the connection. Kept by the live socket; while it
 * is down, REST is polled every `POLL_MS` and the answers replayed as socket events (so the
 * dashboard's P&L keeps moving too). Started by the shell once logged in.
 */
@Injectable({ providedIn: 'root' })
export class StatusStore {
  private readonly api = inject(ApiClient);
  private readonly positionsApi = inject(PositionsApi);
  private readonly live = inject(LiveSocketService);
  private readonly clock = inject(MarketClockService);
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private downTimer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  readonly nifty = signal<IndexQuote | null>(null);
  readonly vix = signal<IndexQuote | null>(null);
  readonly accounts = signal<readonly AccountSummaryResponse[]>([]);
  /** Open legs of each active position, by position id. */
  readonly positions = signal<ReadonlyMap<number, { accountId: number; legs: readonly StatusLeg[] }>>(new Map());
  /** true while REST is being polled because the socket is down. */
  readonly polling = signal(false);

  /** Accounts not trading normally, with why. */
  readonly accountAlarms = computed(() =>
    this.accounts().flatMap((a) => {
      const alarm = accountAlarm(a);
      return alarm ? [{ accountId: a.accountId, name: a.name, alarm }] : [];
    }),
  );
  /** Positions with a naked or unbalanced short leg. */
  readonly positionAlarms = computed(() =>
    [...this.positions()].flatMap(([positionId, p]) => {
      const alarm = legImbalance(p.legs);
      return alarm ? [{ positionId, accountId: p.accountId, alarm }] : [];
    }),
  );

  constructor() {
    const destroyRef = inject(DestroyRef);
    const subs = [
      this.on('market.tick', (t) => {
        const q = { lastPrice: t.lastPrice, change: t.change, changePct: t.change === null || t.lastPrice === t.change ? null : Math.round((t.change / (t.lastPrice - t.change)) * 10_000) / 100 };
        if (t.symbol === 'NIFTY 50') this.nifty.set(q);
        if (t.symbol === 'INDIA VIX') this.vix.set(q);
      }),
      this.on('account.summary', (s) => this.accounts.update((l) => [...l.filter((x) => x.accountId !== s.accountId), s].sort((a, b) => a.accountId - b.accountId))),
      this.on('risk.state', (e) =>
        this.accounts.update((l) =>
          l.map((a) => (a.accountId === e.accountId ? { ...a, tradingState: e.tradingState, tradingStateCauses: e.tradingStateCauses, killSwitch: e.killSwitch, isActive: e.isActive, breaker: { ...a.breaker, tripped: e.breakerTripped } } : a)),
        ),
      ),
      this.on('position.updated', (e) => this.applyPosition(e)),
    ];
    destroyRef.onDestroy(() => {
      subs.forEach((s) => s.unsubscribe());
      this.stopPolling();
    });
    // The socket down for a moment: poll REST until it is back.
    effect(() => {
      const state = this.live.state();
      if (!this.started) return;
      if (state === 'online') {
        if (this.downTimer) clearTimeout(this.downTimer);
        this.downTimer = null;
        this.stopPolling();
      } else if (!this.pollTimer && !this.downTimer) {
        this.downTimer = setTimeout(() => {
          this.downTimer = null;
          if (this.live.state() !== 'online') this.startPolling();
        }, POLL_AFTER_MS);
      }
    });
  }

  /** Loads everything once (idempotent); the socket keeps it current from then on. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.refresh();
  }

  /** Reads the clock, the indices, the accounts and the open positions over REST. */
  async refresh(): Promise<void> {
    await Promise.allSettled([
      this.clock.refresh(),
      this.api.get<QuotesResponse>('/market/quotes', { symbols: 'NIFTY 50,INDIA VIX' }).then((r) => {
        for (const q of r.quotes) {
          const quote = { lastPrice: q.lastPrice, change: q.change, changePct: q.changePct };
          if (q.symbol === 'NIFTY 50') this.nifty.set(quote);
          if (q.symbol === 'INDIA VIX') this.vix.set(quote);
        }
      }),
      this.api.get<AccountSummaryResponse[]>('/accounts/summary').then((list) => {
        this.accounts.set([...list].sort((a, b) => a.accountId - b.accountId));
        // Replayed so the dashboard's cards (P&L) move on while the socket is down.
        if (this.polling()) for (const s of list) this.live.replay('account.summary', s);
      }),
      this.loadPositions(),
    ]);
  }

  private async loadPositions(): Promise<void> {
    const rows = await this.positionsApi.list();
    const active = rows.filter((r) => r.status === 'ACTIVE');
    const details = await Promise.all(active.map((r) => this.positionsApi.get(r.id)));
    this.positions.set(new Map(details.map((d) => [d.id, { accountId: d.accountId, legs: statusLegs(d.legs) }])));
  }

  private applyPosition(e: PositionUpdatedEvent): void {
    this.positions.update((m) => {
      const next = new Map(m);
      if (e.status === 'CLOSED') next.delete(e.positionId);
      else next.set(e.positionId, { accountId: e.accountId, legs: statusLegs(e.legs) });
      return next;
    });
  }

  private startPolling(): void {
    this.polling.set(true);
    void this.refresh();
    this.pollTimer = setInterval(() => void this.refresh(), POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.polling.set(false);
  }

  private on<E extends WsEventName>(event: E, apply: (data: WsEventMap[E]) => void) {
    return this.live.on(event).subscribe(apply);
  }
}

/** The fields of a position's legs the leg-balance rule reads. */
function statusLegs(legs: readonly StatusLeg[]): StatusLeg[] {
  return legs.map((l) => ({ optionType: l.optionType, side: l.side, quantity: l.quantity }));
}
