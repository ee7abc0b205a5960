/** One OHLC bar; `time` is the IST bar start (absent for daily bars). Prices in rupees/points. */
export interface HistoryBarResponse {
  date: string;
  time?: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** GET /api/market/history. `source` says whether the bars are the user's imported ones or the market source's. */
export interface HistoryResponse {
  symbol: string;
  interval: string;
  source: 'import' | 'market';
  bars: HistoryBarResponse[];
}

/** One rejected CSV row: its 1-based line number in the file and why. */
export interface ImportRowError {
  line: number;
  reason: string;
}

/** POST /api/market/import when the whole file was imported. */
export interface ImportHistoryResponse {
  symbol: string;
  interval: string;
  imported: number;
  /** Existing bars of the same symbol, interval and start that the file replaced. */
  replaced: number;
  from: string;
  to: string;
}

/** POST /api/market/import refused (422): every bad row; nothing was written. */
export interface ImportRejectedResponse {
  code: 'IMPORT_REJECTED';
  message: string;
  errors: ImportRowError[];
  correlationId?: string;
}
