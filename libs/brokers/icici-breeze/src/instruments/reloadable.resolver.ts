import type { BrokerInstrument, IntentInstrument, InstrumentMasterRecord } from '@mcube/domain';
import type { BreezeContractFields } from '../parse/breeze-raw.types';
import type { BreezeContractRef, BreezeInstrumentResolver } from './breeze-instrument-resolver';

/**
 * A resolver whose master is swapped each morning without rebuilding the clients that use it.
 * Until the first `replace`, it knows no instrument (orders are refused, lists fail loudly).
 */
export class ReloadableInstrumentResolver implements BreezeInstrumentResolver {
  private current: BreezeInstrumentResolver | undefined;

  constructor(initial?: BreezeInstrumentResolver) {
    this.current = initial;
  }

  /** Puts a freshly loaded master in service. */
  replace(next: BreezeInstrumentResolver): void {
    this.current = next;
  }

  /** Whether a master has been loaded. */
  get loaded(): boolean {
    return this.current !== undefined;
  }

  toBreeze(instrument: IntentInstrument): BreezeContractRef | undefined {
    return this.current?.toBreeze(instrument);
  }

  fromBreeze(fields: BreezeContractFields): BrokerInstrument | undefined {
    return this.current?.fromBreeze(fields);
  }

  underlyingStockCode(underlying: string): string | undefined {
    return this.current?.underlyingStockCode(underlying);
  }

  cashStockCode(symbol: string): string | undefined {
    return this.current?.cashStockCode(symbol);
  }

  contracts(): readonly InstrumentMasterRecord[] {
    return this.current?.contracts() ?? [];
  }
}
