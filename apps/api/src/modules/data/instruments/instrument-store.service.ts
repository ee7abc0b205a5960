import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  freezeQuantityFor,
  instrumentMasterExpirySource,
  listedInstrumentMaster,
  lotSizeFor,
  paiseOfPrice,
  type ExpirySource,
  type InstrumentMaster,
  type IsoDate,
} from '@mcube/domain';
import { DataSource, In, Not } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { InstrumentContract } from '../entities/instrument-contract.entity';
import type { MasterBroker, StoredContract, StoredMaster } from './stored-contract';

const CHUNK = 400;
const BROKERS: readonly MasterBroker[] = ['KOTAK', 'ICICI'];

function rowOf(broker: MasterBroker, date: IsoDate, c: StoredContract): Partial<InstrumentContract> {
  return {
    broker,
    masterDate: date,
    exchangeSegment: c.exchangeSegment,
    token: c.token,
    tradingSymbol: c.tradingSymbol,
    underlying: c.underlying,
    instrumentType: c.instrumentType,
    kind: c.kind,
    optionType: c.optionType ?? null,
    expiry: c.expiry,
    strikePaise: c.strike === undefined ? null : paiseOfPrice(c.strike),
    lotSize: c.lotSize,
    tickPaise: paiseOfPrice(c.tickSize),
    freezeQuantity: c.freezeQuantity ?? null,
  };
}

function contractOf(r: InstrumentContract): StoredContract {
  return {
    exchangeSegment: r.exchangeSegment,
    token: r.token,
    tradingSymbol: r.tradingSymbol,
    underlying: r.underlying,
    instrumentType: r.instrumentType,
    kind: r.kind,
    ...(r.optionType ? { optionType: r.optionType } : {}),
    expiry: r.expiry,
    ...(r.strikePaise !== null ? { strike: r.strikePaise / 100 } : {}),
    lotSize: r.lotSize,
    tickSize: r.tickPaise / 100,
    ...(r.freezeQuantity !== null ? { freezeQuantity: r.freezeQuantity } : {}),
  };
}

/**
 * The stored instrument masters (table `instrument_contracts`) and the contract facts read from
 * them: once a master is stored it is the authority for expiries, lot sizes and freeze
 * quantities of the underlyings it lists (DECISIONS §2); the domain's dated tables answer for
 * everything else, and for everything before the first master. The latest master of each broker
 * is held in memory (loaded at boot, swapped whole by `replace`).
 */
@Injectable()
export class InstrumentStore implements OnModuleInit {
  private readonly logger = new Logger('InstrumentStore');
  private readonly masters = new Map<MasterBroker, StoredMaster>();
  private lotSizes = new Map<string, number>();
  private freezes = new Map<string, number>();
  private contracts: readonly StoredContract[] = [];
  private version = 0;
  private readonly instrumentMasters = new Map<MasterBroker, { version: number; master: InstrumentMaster }>();

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    try {
      await this.reload();
    } catch (error) {
      // A missing table or a read failure leaves the dated tables in charge; it never stops the API.
      this.logger.warn(`stored instrument masters not loaded (dated tables in use): ${(error as Error).message}`);
    }
  }

  /** Reads the latest stored master of each broker. */
  async reload(): Promise<void> {
    const repo = this.dataSource.getRepository(InstrumentContract);
    for (const broker of BROKERS) {
      const latest = await repo.findOne({ where: { broker }, order: { masterDate: 'DESC' }, select: { id: true, masterDate: true } });
      if (!latest) {
        this.masters.delete(broker);
        continue;
      }
      const rows = await repo.find({ where: { broker, masterDate: latest.masterDate }, order: { id: 'ASC' } });
      this.masters.set(broker, { broker, date: latest.masterDate, contracts: rows.map(contractOf) });
    }
    this.index();
  }

  /**
   * Stores `contracts` as `broker`'s master of `date` (replacing that day's rows; older days but
   * the previous one are deleted) and makes it the one in use. Refuses an empty list: a master
   * is never silently emptied.
   */
  async replace(broker: MasterBroker, date: IsoDate, contracts: readonly StoredContract[]): Promise<void> {
    if (contracts.length === 0) throw new Error(`refusing to store an empty ${broker} master for ${date}`);
    const previous = this.masters.get(broker)?.date;
    await inTransaction(this.dataSource, async (m) => {
      const keep = [date, ...(previous && previous !== date ? [previous] : [])];
      await m.delete(InstrumentContract, { broker, masterDate: Not(In(keep)) });
      await m.delete(InstrumentContract, { broker, masterDate: date });
      for (let i = 0; i < contracts.length; i += CHUNK) await m.insert(InstrumentContract, contracts.slice(i, i + CHUNK).map((c) => rowOf(broker, date, c)));
    });
    this.masters.set(broker, { broker, date, contracts: [...contracts] });
    this.index();
  }

  /** The master in use of `broker`, if one was ever stored. */
  latest(broker: MasterBroker): StoredMaster | undefined {
    return this.masters.get(broker);
  }

  /**
   * `broker`'s stored master as the domain's `InstrumentMaster` (InstrumentId ↔ its trading
   * symbol and token), or undefined before one is stored; rebuilt when the master is replaced.
   */
  masterOf(broker: MasterBroker): InstrumentMaster | undefined {
    const stored = this.masters.get(broker);
    if (!stored) return undefined;
    const cached = this.instrumentMasters.get(broker);
    if (cached?.version === this.version) return cached.master;
    const master = listedInstrumentMaster(
      stored.contracts.map((c) => ({
        underlying: c.underlying,
        kind: c.kind,
        expiry: c.expiry,
        ...(c.kind === 'OPT' ? { strike: c.strike, optionType: c.optionType } : {}),
        segment: c.kind === 'OPT' ? 'NFO-OPT' : 'NFO-FUT',
        tradingSymbol: c.tradingSymbol,
        instrumentToken: c.token,
        lotSize: c.lotSize,
        tickSize: c.tickSize,
        ...(c.freezeQuantity !== undefined ? { freezeQuantity: c.freezeQuantity } : {}),
      })),
    );
    this.instrumentMasters.set(broker, { version: this.version, master });
    return master;
  }

  /** Lot size of the contract of `underlying` expiring on `expiry`: the stored master's when it lists it, else the dated table. */
  lotSizeFor(underlying: string, expiry: IsoDate): number {
    const master = this.lotSizes.get(`${underlying}|${expiry}`);
    return lotSizeFor({ underlying, expiry, overrides: master === undefined ? undefined : [{ underlying, expiry, lotSize: master }] });
  }

  /** Freeze quantity of `underlying` on `date`: the stored master's when it gives one, else the dated table. */
  freezeQuantityFor(underlying: string, date: IsoDate): number {
    return freezeQuantityFor({ underlying, date, override: this.freezes.get(underlying) });
  }

  /** Expiries: the stored master's for the underlyings it lists, `fallback` otherwise (read at call time, so a refresh applies at once). */
  expirySource(fallback: ExpirySource): ExpirySource {
    let cache: { version: number; source: ExpirySource } | undefined;
    const current = (): ExpirySource => {
      if (this.contracts.length === 0) return fallback;
      if (cache?.version !== this.version) cache = { version: this.version, source: instrumentMasterExpirySource(this.contracts, fallback) };
      return cache.source;
    };
    return {
      expiriesBetween: (underlying, from, to) => current().expiriesBetween(underlying, from, to),
      isConfirmedExpiry: (underlying, expiry) => current().isConfirmedExpiry(underlying, expiry),
    };
  }

  private index(): void {
    const lots = new Map<string, number>();
    const freezes = new Map<string, number>();
    const contracts = [...this.masters.values()].flatMap((m) => m.contracts);
    for (const c of contracts) {
      lots.set(`${c.underlying}|${c.expiry}`, c.lotSize);
      if (c.freezeQuantity !== undefined) freezes.set(c.underlying, c.freezeQuantity);
    }
    this.lotSizes = lots;
    this.freezes = freezes;
    this.contracts = contracts;
    this.version++;
  }
}
