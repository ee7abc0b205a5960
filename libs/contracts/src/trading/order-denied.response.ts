import type { ErrorResponse } from '../common/error-response';

/**
 * The 422 body of an order-creating call the risk checks refused (`code` ORDER_DENIED): every
 * denial code in check order (`denials[0]` is the one in `message`), and what was journaled
 * (the DENIED orders stay in the journal: `GET /api/orders/:id` shows them).
 */
export interface OrderDeniedResponse extends ErrorResponse {
  code: 'ORDER_DENIED';
  denials: string[];
  /** The intent id of each leg or exit (the broker tag root of its orders). */
  intentIds: string[];
  orderIds: number[];
  positionId: number | null;
}
