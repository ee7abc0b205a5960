import { createKotakNeoBroker, type KotakNeoConfig } from '@mcube/brokers-kotak-neo';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../config/app-config';
import { CredentialCipher } from '../../accounts/credentials/credential-cipher';
import { accountById } from '../../accounts/account-reads';
import { readKotakCredentials } from './kotak-credentials.reader';
import type { IciciBreezeHosts } from '@mcube/brokers-icici-breeze';
import { runIciciBrokerCheck } from './icici/icici-broker-check';
import { checkStepRunner, rupees } from './check-steps';
import { runTestOrderSteps, type TestOrderPositions } from './test-order-steps';

/** One step of the check: its name, whether it passed, what it found (never a secret), and how long it took. */
export interface BrokerCheckStep {
  readonly step: 'config' | 'login' | 'session' | 'master' | 'funds' | 'positions' | 'open orders' | 'test order placed' | 'test order cancelled';
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

/** Inputs of `runBrokerCheck`. */
export interface BrokerCheckInput {
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly accountId: number;
  readonly wallClock: Clock;
  /** `--place-test-order`: after the reads, one TEST_ORDER through the order gateway, cancelled and confirmed cancelled (`runTestOrderSteps`). */
  readonly placeTestOrder?: boolean;
  /** The positions tables the test order goes through (the CLI gives the positions module's). */
  readonly positions: TestOrderPositions;
  /** Called with each step as it ends (the CLI prints it). */
  readonly onStep?: (step: BrokerCheckStep) => void;
  /** Test seam: client settings over the configured login URL. */
  readonly tuning?: KotakNeoConfig;
  /** Test seam: how long the test order's cancel may take to be confirmed (wall ms; default 15 s). */
  readonly confirmWithinMs?: number;
  /** Test seam: ICICI Breeze hosts (the local Breeze server). */
  readonly iciciHosts?: IciciBreezeHosts;
}

/**
 * `npm run broker:check`: logs in to Kotak with the account's stored credentials and reads,
 * step by step with timings, the funds, the positions, the open orders and today's scrip master
 * (contract count, nearest NIFTY expiries, NIFTY lot size; read before the positions, which are mapped through it).
 * Without `placeTestOrder` it places no order and stores nothing (its session lives in memory;
 * Kotak may end the worker's session of the day, which then logs in again once). With it, two
 * more steps: a 1-lot BUY LIMIT at ₹0.05 of a NIFTY option ≥ 10% out of the money sent through
 * the order gateway (journaled, audited), then cancelled and confirmed CANCELED by the broker's
 * order book. Stops at the first failed step, naming it.
 */
export async function runBrokerCheck(input: BrokerCheckInput): Promise<{ ok: boolean; steps: BrokerCheckStep[] }> {
  const steps: BrokerCheckStep[] = [];
  const run = checkStepRunner(steps, input.onStep);
  const { dataSource, config, accountId } = input;
  if (config.credentials.current) {
    const account = await accountById(dataSource, accountId);
    if (account?.broker === 'ICICI') return runIciciBrokerCheck({ dataSource, config, account, wallClock: input.wallClock, hosts: input.iciciHosts, onStep: input.onStep, placeTestOrder: input.placeTestOrder, positions: input.positions, confirmWithinMs: input.confirmWithinMs });
  }
  let broker: ReturnType<typeof createKotakNeoBroker> | undefined;
  try {
    const configured = await run('config', async () => {
      if (!config.credentials.current) throw new Error('MCUBE_CREDENTIALS_KEY is not set: the stored credentials cannot be read');
      const account = await accountById(dataSource, accountId);
      if (!account) throw new Error(`no account ${accountId} in the database`);
      if (account.broker !== 'KOTAK') throw new Error(`account ${accountId} is ${account.broker}: only Kotak Neo and ICICI Breeze have live adapters`);
      const cipher = new CredentialCipher(config.credentials);
      const credentials = await readKotakCredentials(dataSource, cipher, accountId);
      broker = createKotakNeoBroker({ config: { ...input.tuning, loginUrl: input.tuning?.loginUrl ?? config.brokers?.kotakNeoLoginUrl }, credentials: async () => credentials, wallClock: input.wallClock });
      return `account ${accountId} (${account.name}, ${account.isPaperTrading ? 'PAPER' : 'LIVE'}), credentials complete, login host ${broker.config.loginUrl}`;
    });
    if (!configured || !broker) return { ok: false, steps };
    const b = broker;
    if (!(await run('login', async () => `logged in (UCC ${(await b.login()).ucc}, host ${new URL(b.sessions.current()?.baseUrl ?? b.config.loginUrl).host})`))) return { ok: false, steps };
    const today = istDateTimeOf(input.wallClock.nowMs()).date;
    const mastered = await run('master', async () => {
      const master = await b.refreshMaster(today);
      const nifty = master.contracts.filter((c) => c.underlying === 'NIFTY' && c.kind === 'OPT');
      const expiries = [...new Set(nifty.map((c) => c.expiry))].filter((e) => e >= today).sort();
      if (expiries.length === 0) throw new Error(`the master of ${master.date} lists no NIFTY option expiring from ${today}`);
      const lot = nifty.find((c) => c.expiry === expiries[0])?.lotSize;
      return `${master.contracts.length} contracts of ${master.date}; nearest NIFTY expiries ${expiries.slice(0, 3).join(', ')}; NIFTY lot size ${lot}`;
    });
    if (!mastered) return { ok: false, steps };
    if (!(await run('funds', async () => {
      const m = await b.executionClient.availableMargin();
      return `available ${rupees(m.availablePaise)}, used ${rupees(m.usedPaise)}`;
    }))) return { ok: false, steps };
    if (!(await run('positions', async () => {
      const p = await b.executionClient.listPositions();
      return p.length === 0 ? 'no open F&O position' : p.map((x) => `${x.instrument.tradingSymbol ?? '?'} ${x.netQuantity}`).join(', ');
    }))) return { ok: false, steps };
    if (!(await run('open orders', async () => {
      const open = (await b.executionClient.listOrders()).filter((o) => o.state === 'OPEN' || o.state === 'PENDING');
      return open.length === 0 ? 'no open order' : open.map((o) => `${o.brokerOrderId} (tag ${o.clientOrderId ?? 'none'})`).join(', ');
    }))) return { ok: false, steps };
    if (input.placeTestOrder) {
      const master = b.masters.master();
      const ok = await runTestOrderSteps({ dataSource, accountId, wallClock: input.wallClock, client: b.executionClient, market: b.marketData, contracts: master?.contracts ?? [], today, run, positions: input.positions, confirmWithinMs: input.confirmWithinMs });
      return { ok, steps };
    }
    return { ok: true, steps };
  } finally {
    broker?.close();
  }
}
