import type { AlertChannelName } from '@mcube/domain';

/**
 * How an alert leaves the box when the severity rule is not what is wanted, stored in the
 * alert's `context.delivery`:
 * - `only`: exactly these channels (a test alert, the daily report); enable switches still apply.
 * - `exclude`: never these (the failing channel its own failure warning is about).
 * - `content`: a registered renderer builds the message (`daily-report`: text, HTML and the chart).
 * `only: []` keeps the alert in the console.
 */
export interface AlertDelivery {
  readonly only?: readonly AlertChannelName[];
  readonly exclude?: readonly AlertChannelName[];
  readonly content?: string;
}

/** The directive stored with an alert, or an empty one. */
export function deliveryOf(context: Record<string, unknown> | null): AlertDelivery {
  const d = context?.['delivery'];
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as AlertDelivery) : {};
}
