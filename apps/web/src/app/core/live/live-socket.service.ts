import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { WS_CLOSE, WS_PATH, type WsEventMap, type WsEventName, type WsMessage } from '@mcube/contracts';
import { Observable, Subject, filter, map } from 'rxjs';
import { nextBackoffMs } from './backoff';

/** The state the connection indicator shows. */
export type LiveState = 'offline' | 'connecting' | 'online';

/**
 * The console's live socket (`/ws`, same origin, session cookie). Reconnects with capped
 * exponential backoff, so a server without the socket (or a restart) shows "offline" and
 * retries quietly (the status store polls REST meanwhile and `replay`s it). Events arrive typed by the contracts' WsEventMap.
 */
@Injectable({ providedIn: 'root' })
export class LiveSocketService {
  private socket: WebSocket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private wanted = false;
  private readonly messages = new Subject<WsMessage>();

  /** The connection state, for the indicator. */
  readonly state = signal<LiveState>('offline');
  /** When the next reconnect attempt is due (epoch ms), null when none is scheduled. */
  readonly nextRetryAt = signal<number | null>(null);
  /** Wall clock (the browser's) of the last message received over the socket, or of its opening; null before. */
  readonly lastLiveAt = signal<number | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  /** Opens the socket (idempotent) and keeps it open until disconnect(). */
  connect(): void {
    this.wanted = true;
    if (this.socket || this.retryTimer) return;
    this.open();
  }

  /** Closes the socket and stops reconnecting (on logout). */
  disconnect(): void {
    this.wanted = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt.set(null);
    const s = this.socket;
    this.socket = null;
    s?.close(1000, 'logout');
    this.state.set('offline');
  }

  /** The data of every event of one type. */
  on<E extends WsEventName>(event: E): Observable<WsEventMap[E]> {
    // The event name narrows the message; TypeScript cannot follow that through a generic.
    return this.messages.pipe(
      filter((m) => m.event === event),
      map((m) => m.data as WsEventMap[E]),
    );
  }

  /**
   * Delivers data read over REST as if it had arrived on the socket (the polling fallback while
   * the socket is down), so every page keeps one update path.
   */
  replay<E extends WsEventName>(event: E, data: WsEventMap[E]): void {
    this.messages.next({ event, data } as WsMessage);
  }

  private open(): void {
    this.state.set('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastLiveAt.set(Date.now());
      this.state.set('online');
    };
    socket.onmessage = (ev: MessageEvent) => this.receive(ev.data);
    socket.onclose = (ev: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.state.set('offline');
      this.scheduleRetry(ev.code === WS_CLOSE.UNAUTHENTICATED || ev.code === WS_CLOSE.FORBIDDEN_ORIGIN);
    };
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    try {
      const msg = JSON.parse(raw) as WsMessage;
      if (msg && typeof msg.event === 'string') {
        this.lastLiveAt.set(Date.now());
        this.messages.next(msg);
      }
    } catch {
      // A malformed frame is dropped: the next one will carry fresh data.
    }
  }

  private scheduleRetry(refused: boolean): void {
    if (!this.wanted) return;
    // A refused socket will not succeed sooner by trying often: wait the longest step.
    const delay = nextBackoffMs(refused ? Number.MAX_SAFE_INTEGER : this.attempt++);
    this.nextRetryAt.set(Date.now() + delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.nextRetryAt.set(null);
      if (this.wanted) this.open();
    }, delay);
  }
}
