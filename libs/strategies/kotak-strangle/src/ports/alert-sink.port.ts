import type { AlertMessage } from '@mcube/domain';

/** Where the strategy raises alerts (the alerts module fans them out to channels). `raise` resolves once queued; failures reject. */
export interface AlertSink {
  raise(message: AlertMessage): Promise<void>;
}
