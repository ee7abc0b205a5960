import type { DayMarksSnapshot } from './day-marks';
import type { WorkingOrder } from './working-order';

/**
 * What the ICICI futures strategy keeps across a restart (plain JSON): its working order, if
 * any, how many orders it has sent (the idempotency keys of its exits count on from it, so
 * a restarted process never reuses one), and what it did once today (`DayMarks`: screen slots,
 * averaging requests, the overnight-hold alert). The working order is saved before it is sent,
 * so a stored order may never have reached the gateway (the restarted strategy checks).
 */
export interface IciciFuturesSnapshot {
  readonly version: 1;
  readonly working: WorkingOrder | null;
  readonly orderSeq: number;
  /** Absent in a state stored before the day's marks were kept (read as none). */
  readonly dayMarks?: DayMarksSnapshot;
}

/** The working order as stored: the approval's single-use token is left out (it is spent once the order is sent). */
export function storedWorkingOrder(w: WorkingOrder | null): WorkingOrder | null {
  if (!w) return null;
  const approval = w.intent.approval ? { approvedBy: w.intent.approval.approvedBy, approvedAt: w.intent.approval.approvedAt } : undefined;
  return JSON.parse(JSON.stringify({ ...w, intent: { ...w.intent, approval } })) as WorkingOrder;
}
