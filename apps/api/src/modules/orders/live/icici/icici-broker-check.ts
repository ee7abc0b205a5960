import { createIciciBreeze, describeBreezeSession, iciciBreezeHostsFromEnv, isBreezeSessionOfToday, ReloadableInstrumentResolver, SecurityMasterResolver, type IciciBreezeHosts, type IciciBreezeKit } from '@mcube/brokers-icici-breeze';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../../config/app-config';
import { CredentialCipher } from '../../../accounts/credentials/credential-cipher';
import { type AccountFacts } from '../../../accounts/account-reads';
import { DbIciciSessionSource } from './db-icici-session.source';
import { readIciciCredentials } from './icici-credentials.reader';
import { checkStepRunner, rupees } from '../check-steps';
import { runTestOrderSteps, type TestOrderContract, type TestOrderPositions } from '../test-order-steps';
import { checkHalting, type CheckHalting } from './icici-check-halt';

/** One step of the ICICI check (same shape as Kotak's; `session` stands for the login). */
export interface IciciCheckStep {
  readonly step: 'config' | 'session' | 'master' | 'funds' | 'positions' | 'open orders' | 'test order placed' | 'test order cancelled';
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

/**
 * `broker:check` of an ICICI account: credentials, the day's session (entered in the console,
 * read from `broker_sessions`; checked with `customerdetails` + funds), today's security master
 * (F&O contracts, unknown short names, nearest NIFTY expiries), funds, positions and open orders.
 * Without `placeTestOrder` it places no order and stores nothing. With it, Kotak's two test-order
 * steps (`runTestOrderSteps`) through the order gateway: ICICI's security master lists NIFTY
 * index options (OPTIDX rows of FONSEScripMaster, strike and right per row), so the same harmless
 * shape applies, a 1-lot BUY LIMIT at ₹0.05 of a NIFTY option ≥ 10% out of the money, and
 * `testOrderRiskCheck` holds it to that unchanged (a futures order "far below the market" would
 * need a looser rule: its price, not a strike, makes it harmless). Every broker call goes through
 * the halting wrapper (`checkHalting`): an answer refusing the session halts a LIVE account as in
 * trading and fails the step with ICICI's reason. Stops at the first failed step, naming it.
 */
export async function runIciciBrokerCheck(input: {
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly account: AccountFacts;
  readonly wallClock: Clock;
  readonly hosts?: IciciBreezeHosts;
  readonly onStep?: (step: IciciCheckStep) => void;
  /** `--place-test-order`: after the reads, the TEST_ORDER steps. */
  readonly placeTestOrder?: boolean;
  /** The positions tables the test order goes through. */
  readonly positions: TestOrderPositions;
  /** Test seam: how long to wait for ICICI to confirm the test order's cancel (wall ms; default 15 s). */
  readonly confirmWithinMs?: number;
}): Promise<{ ok: boolean; steps: IciciCheckStep[] }> {
  const steps: IciciCheckStep[] = [];
  const runStep = checkStepRunner(steps, input.onStep);
  let halting: CheckHalting | undefined;
  // A step that failed on a halting answer says so (ICICI's reason and what happened to the account).
  const run = (step: IciciCheckStep['step'], fn: () => Promise<string>) =>
    runStep(step, async () => {
      try {
        return await fn();
      } catch (error) {
        throw halting ? halting.explain(error) : error;
      }
    });
  const { dataSource, config, account, wallClock } = input;
  const resolver = new ReloadableInstrumentResolver();
  const cipher = new CredentialCipher(config.credentials);
  const sessions = new DbIciciSessionSource(dataSource, cipher, account.id);
  let kit: IciciBreezeKit | undefined;
  try {
    const configured = await run('config', async () => {
      const hosts = input.hosts ?? iciciBreezeHostsFromEnv(process.env);
      kit = createIciciBreeze({ hosts, credentials: await readIciciCredentials(dataSource, cipher, account.id), clock: wallClock, sessions, resolver });
      return `account ${account.id} (${account.name}, ${account.isPaperTrading ? 'PAPER' : 'LIVE'}), ICICI credentials complete, API ${new URL(hosts.apiUrl).host}`;
    });
    if (!configured || !kit) return { ok: false, steps };
    const k = kit;
    const h = checkHalting({ dataSource, account, wallClock, inner: k.execution });
    halting = h;
    const client = h.client;
    const sessioned = await run('session', async () => {
      const s = await sessions.current();
      if (!s) throw new Error(`no ICICI session key entered: open ${k.loginUrl()} , log in, and paste the day's key in Settings → Accounts`);
      if (!isBreezeSessionOfToday(s, wallClock.nowMs())) throw new Error(`the stored ICICI session is from ${s.tradeDate}: enter today's key (login page ${k.loginUrl()})`);
      await client.ensureSession?.();
      return `${describeBreezeSession(s)} accepted by ICICI`;
    });
    if (!sessioned) return { ok: false, steps };
    const today = istDateTimeOf(wallClock.nowMs()).date;
    let contracts: readonly TestOrderContract[] = [];
    const mastered = await run('master', async () => {
      const master = await k.downloadSecurityMaster();
      contracts = master.contracts.map((c) => ({ underlying: c.underlying, kind: c.optionType ? 'OPT' : 'FUT', optionType: c.optionType, expiry: c.expiry, strike: c.strike, lotSize: c.lotSize, tickSize: c.tickSize }));
      resolver.replace(new SecurityMasterResolver(master));
      const nifty = master.contracts.filter((c) => c.underlying === 'NIFTY' && c.optionType);
      const expiries = [...new Set(nifty.map((c) => c.expiry))].filter((e) => e >= today).sort();
      if (expiries.length === 0) throw new Error(`the security master lists no NIFTY option expiring from ${today}`);
      return `${master.contracts.length} F&O contracts, ${master.cash.length} cash symbols, ${master.unknown.length} rows with an unknown short name; nearest NIFTY expiries ${expiries.slice(0, 3).join(', ')}`;
    });
    if (!mastered) return { ok: false, steps };
    if (!(await run('funds', async () => {
      const m = await client.availableMargin();
      return `available for F&O ${rupees(m.availablePaise)}, used ${rupees(m.usedPaise)}`;
    }))) return { ok: false, steps };
    if (!(await run('positions', async () => {
      const p = await client.listPositions();
      return p.length === 0 ? 'no open F&O position' : p.map((x) => `${x.instrument.underlying} ${x.instrument.kind} ${x.instrument.expiry} ${x.netQuantity}`).join(', ');
    }))) return { ok: false, steps };
    if (!(await run('open orders', async () => {
      const open = (await client.listOrders()).filter((o) => o.state === 'OPEN' || o.state === 'PENDING');
      return open.length === 0 ? 'no open order' : open.map((o) => `${o.brokerOrderId} (remark ${o.clientOrderId ?? 'none'})`).join(', ');
    }))) return { ok: false, steps };
    if (input.placeTestOrder) {
      const ok = await runTestOrderSteps({ dataSource, accountId: account.id, wallClock, client, market: k.marketData, contracts, today, run, positions: input.positions, confirmWithinMs: input.confirmWithinMs });
      return { ok, steps };
    }
    return { ok: true, steps };
  } finally {
    kit?.close();
  }
}
