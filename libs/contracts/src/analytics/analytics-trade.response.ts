/** One closed trade (a closed position) as analytics and its CSV export list it. Paise; IST wall times. */
export interface AnalyticsTradeResponse {
  readonly id: string;
  readonly accountId: string;
  readonly strategy: string;
  readonly underlying: string;
  readonly entryAt: string;
  readonly exitAt: string;
  readonly exitReason: string;
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  readonly vixAtEntry: number | null;
  readonly daysToExpiryAtEntry: number | null;
}
