import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import { WS_CLOSE, WS_PATH, type WsMessage } from '@mcube/contracts';
import type { WebSocket } from 'ws';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AuthenticatorService } from '../../core/auth/authenticator.service';
import { MarketEventsBus } from '../snapshots/market-events.bus';
import { asAuthRequest, isAllowedOrigin } from './ws-auth';

const OPEN = 1;

/**
 * The console's live socket at `/ws` (server → client only): a connection must carry a valid
 * session cookie (or API key) and come from an allowed origin, else it is closed at once with
 * 4401 or 4403. Authenticated sockets receive every market event as JSON `{ event, data }`.
 */
@WebSocketGateway({ path: WS_PATH, maxPayload: 4096 })
export class MarketGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(MarketGateway.name);
  private readonly clients = new Set<WebSocket>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly authenticator: AuthenticatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    bus: MarketEventsBus,
  ) {
    this.unsubscribe = bus.subscribe((m) => this.broadcast(m));
  }

  /** Number of authenticated sockets (publishers skip work without an audience). */
  get audience(): number {
    return this.clients.size;
  }

  async handleConnection(client: WebSocket, req: IncomingMessage): Promise<void> {
    if (!isAllowedOrigin(req, this.config.security.corsOrigins)) {
      client.close(WS_CLOSE.FORBIDDEN_ORIGIN, 'origin not allowed');
      return;
    }
    let ok = false;
    try {
      ok = (await this.authenticator.authenticate(asAuthRequest(req))).kind === 'ok';
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'socket authentication failed');
    }
    if (!ok) {
      client.close(WS_CLOSE.UNAUTHENTICATED, 'authentication required');
      return;
    }
    if (client.readyState === OPEN) this.clients.add(client);
  }

  handleDisconnect(client: WebSocket): void {
    this.clients.delete(client);
  }

  onModuleDestroy(): void {
    this.unsubscribe();
    this.clients.clear();
  }

  private broadcast(message: WsMessage): void {
    const text = JSON.stringify(message);
    for (const c of this.clients) if (c.readyState === OPEN) c.send(text);
  }
}
