import { Inject, Injectable, Optional } from '@nestjs/common';
import type { BrokerMargin } from '@mcube/domain';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import { SharedAccountMargins } from './paper/shared-account-margins';

/** What `margin` answers when the broker cannot (no client, broker error): no margin, so nothing new fits. */
const NO_MARGIN: BrokerMargin = { availablePaise: 0, usedPaise: 0, asOfMs: 0 };

/**
 * Read-only margin figures of an account's broker, for the strategies and the dashboard: the
 * execution clients stay inside the orders module, only their margin answer leaves it. An `api`
 * process has no client: it answers the margin a worker stored (`SharedAccountMargins`: paper
 * accounts every second, LIVE ones while fresh). A worker stores each LIVE margin it fetches here.
 */
@Injectable()
export class AccountMarginService {
  constructor(
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    /** The workers' stored margins (absent in hand-built tests: a process with its own clients). */
    @Optional() private readonly shared?: SharedAccountMargins,
  ) {}

  /** The broker's margin now; zero margin when the account has no connected client or the broker fails (as the gateway does). */
  async margin(accountId: number): Promise<BrokerMargin> {
    return (await this.marginOf(accountId)) ?? NO_MARGIN;
  }

  /** The broker's margin now; null when the account has no connected client or the broker fails to answer (the dashboard shows "unknown"). */
  async marginOf(accountId: number): Promise<BrokerMargin | null> {
    const client = this.clients.get(accountId);
    if (!client) return this.shared?.readsShared ? this.shared.read(accountId) : null;
    const margin = await client.availableMargin().catch(() => null);
    // Write-through: the `api` process shows a LIVE account's margin from what its worker fetched.
    if (margin) this.shared?.storeLive(accountId, client, margin);
    return margin;
  }
}
