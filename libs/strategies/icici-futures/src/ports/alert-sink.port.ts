import type { AlertMessage } from '@mcube/domain';

/** Where the strategy raises alerts (the alerts module fans them out). `raise` resolves once queued; failures reject. */
export interface FuturesAlertSink {
  raise(message: AlertMessage): Promise<void>;
}
