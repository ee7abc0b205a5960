import { Inject, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import { WS_CLOSE, WS_PATH, type WsMessage } from '@mcube/contracts';
import type { WebSocket } from 'ws';
import type { Principal } from '../../../common/request-context/principal';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AuthenticatorService } from '../../core/auth/authenticator.service';
import { CredentialRevocations, type Revocation } from '../../core/sessions/credential-revocations';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { asAuthRequest, isAllowedOrigin } from './ws-auth';

const OPEN = 1;

/** An authenticated socket: who it is, and the upgrade's credentials to check them again. */
interface Client {
  principal: Principal;
  credentials: Request;
}

/**
 * The console's live socket at `/ws` (server → client only): a connection must carry a valid
 * session cookie (or API key) of a user with no pending password change, and come from an
 * allowed origin, else it is closed at once with 4401 or 4403. Authenticated sockets receive
 * every market event as JSON `{ event, data }`. A socket lives no longer than its credential:
 * it is closed with 4401 as soon as its session is logged out or its key revoked, or its user
 * deactivated or changed (role, password), and every `WS_SESSION_RECHECK_SECONDS` each
 * socket's credential is checked again (session expiry, changes made by another process).
 */
@WebSocketGateway({ path: WS_PATH, maxPayload: 4096 })
export class MarketGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MarketGateway.name);
  private readonly clients = new Map<WebSocket, Client>();
  private readonly unsubscribe: (() => void)[];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly authenticator: AuthenticatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    bus: AppEventsBus,
    revocations: CredentialRevocations,
  ) {
    this.unsubscribe = [bus.subscribe((m) => this.broadcast(m)), revocations.subscribe((r) => this.onRevoked(r))];
  }

  /** Number of authenticated sockets (publishers skip work without an audience). */
  get audience(): number {
    return this.clients.size;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.recheck(), this.config.security.wsRecheckSeconds * 1000);
    this.timer.unref();
  }

  async handleConnection(client: WebSocket, req: IncomingMessage): Promise<void> {
    if (!isAllowedOrigin(req, this.config.security.corsOrigins)) {
      client.close(WS_CLOSE.FORBIDDEN_ORIGIN, 'origin not allowed');
      return;
    }
    const credentials = asAuthRequest(req);
    const principal = await this.validPrincipal(credentials).catch((error: unknown) => {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'socket authentication failed');
      return undefined;
    });
    if (!principal) {
      client.close(WS_CLOSE.UNAUTHENTICATED, 'authentication required');
      return;
    }
    if (client.readyState === OPEN) this.clients.set(client, { principal, credentials });
  }

  handleDisconnect(client: WebSocket): void {
    this.clients.delete(client);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    for (const off of this.unsubscribe) off();
    this.clients.clear();
  }

  /**
   * Checks every socket's credential again and closes those no longer valid, or whose user's
   * role changed; returns how many closed. A check that fails (database unreachable) keeps the
   * socket until the next round. Runs on the timer; tests may call it.
   */
  async recheck(): Promise<number> {
    let closed = 0;
    for (const [socket, c] of [...this.clients]) {
      try {
        const now = await this.validPrincipal(c.credentials);
        if (now && now.userId === c.principal.userId && now.role === c.principal.role) continue;
      } catch (error) {
        this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'socket re-check failed; trying again next round');
        continue;
      }
      this.end(socket);
      closed += 1;
    }
    return closed;
  }

  private async validPrincipal(credentials: Request): Promise<Principal | undefined> {
    const result = await this.authenticator.authenticate(credentials);
    return result.kind === 'ok' && !result.principal.mustChangePassword ? result.principal : undefined;
  }

  private onRevoked(r: Revocation): void {
    for (const [socket, { principal: p }] of [...this.clients]) {
      const hit =
        (r.kind === 'user' && p.userId === r.userId) ||
        (r.kind === 'session' && p.via === 'session' && p.credentialId === r.tokenHash) ||
        (r.kind === 'api-key' && p.via === 'api-key' && p.credentialId === String(r.keyId));
      if (hit) this.end(socket);
    }
  }

  /** Stops sending at once and closes the socket as unauthenticated (the console then logs in again). */
  private end(socket: WebSocket): void {
    this.clients.delete(socket);
    socket.close(WS_CLOSE.UNAUTHENTICATED, 'session ended');
  }

  private broadcast(message: WsMessage): void {
    const text = JSON.stringify(message);
    for (const c of this.clients.keys()) if (c.readyState === OPEN) c.send(text);
  }
}
