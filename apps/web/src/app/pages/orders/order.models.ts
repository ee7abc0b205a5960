import type { OrderStatus } from '@mcube/contracts';

/** Each status in words, for filters and badges' titles. */
export const ORDER_STATUS_WORDS: Record<OrderStatus, string> = {
  INITIALIZED: 'Created, not sent yet',
  DENIED: 'Denied by a risk check',
  SUBMITTED: 'Sent to the broker',
  ACCEPTED: 'Working at the exchange',
  REJECTED: 'Rejected by the broker',
  PARTIALLY_FILLED: 'Partly filled',
  FILLED: 'Filled',
  PENDING_CANCEL: 'Cancel requested',
  CANCELED: 'Canceled',
  EXPIRED: 'Expired unfilled',
};

/** Filters of the orders list (absent = all). */
export interface OrderFilters {
  accountId?: number;
  status?: OrderStatus;
}
