/** A sector of the simulated market and the NSE sector index that tracks it. */
export interface SectorSpec {
  readonly sector: string;
  /** NSE index name, e.g. 'NIFTY BANK'. */
  readonly index: string;
  readonly startLevel: number;
  /** Sensitivity to NIFTY returns. */
  readonly beta: number;
  /** Annual volatility of the sector's own factor at VIX 15. */
  readonly factorVol: number;
}

/** A stock of the simulated F&O universe. */
export interface StockSpec {
  readonly symbol: string;
  readonly sector: string;
  readonly startPrice: number;
  /** Futures lot size (units), from NSE's fo_mktlots of Aug 2026. */
  readonly lotSize: number;
  /** Relative liquidity (typical daily turnover, ₹ crore). */
  readonly turnoverCr: number;
}

/** Ten sectors with the NSE index of each; levels of mid-2026 rounded. */
export const SIM_SECTORS: readonly SectorSpec[] = [
  { sector: 'BANK', index: 'NIFTY BANK', startLevel: 55000, beta: 1.1, factorVol: 0.1 },
  { sector: 'FINANCIAL SERVICES', index: 'NIFTY FIN SERVICE', startLevel: 26000, beta: 1.1, factorVol: 0.1 },
  { sector: 'IT', index: 'NIFTY IT', startLevel: 35000, beta: 0.8, factorVol: 0.16 },
  { sector: 'AUTO', index: 'NIFTY AUTO', startLevel: 25000, beta: 1.0, factorVol: 0.13 },
  { sector: 'PHARMA', index: 'NIFTY PHARMA', startLevel: 22000, beta: 0.6, factorVol: 0.13 },
  { sector: 'FMCG', index: 'NIFTY FMCG', startLevel: 55000, beta: 0.6, factorVol: 0.1 },
  { sector: 'METAL', index: 'NIFTY METAL', startLevel: 9500, beta: 1.3, factorVol: 0.2 },
  { sector: 'ENERGY', index: 'NIFTY ENERGY', startLevel: 35000, beta: 1.0, factorVol: 0.14 },
  { sector: 'INFRA', index: 'NIFTY INFRA', startLevel: 9000, beta: 1.0, factorVol: 0.1 },
  { sector: 'CONSUMER', index: 'NIFTY CONSUMPTION', startLevel: 11500, beta: 0.8, factorVol: 0.12 },
];

const s = (symbol: string, sector: string, startPrice: number, lotSize: number, turnoverCr: number): StockSpec => ({
  symbol,
  sector,
  startPrice,
  lotSize,
  turnoverCr,
});

/** The 50 NIFTY 50 constituents (2025) with sectors; prices of July 2026 bhavcopy, lots of Aug 2026. */
export const SIM_STOCKS: readonly StockSpec[] = [
  s('HDFCBANK', 'BANK', 747.25, 650, 2500),
  s('ICICIBANK', 'BANK', 1434.6, 700, 1800),
  s('SBIN', 'BANK', 1012.6, 750, 1500),
  s('AXISBANK', 'BANK', 1223.0, 625, 1100),
  s('KOTAKBANK', 'BANK', 383.35, 2000, 900),
  s('INDUSINDBK', 'BANK', 1005.5, 700, 700),
  s('BAJFINANCE', 'FINANCIAL SERVICES', 1039.8, 750, 1400),
  s('BAJAJFINSV', 'FINANCIAL SERVICES', 1889.4, 300, 500),
  s('HDFCLIFE', 'FINANCIAL SERVICES', 550.95, 1100, 300),
  s('SBILIFE', 'FINANCIAL SERVICES', 1853.5, 375, 300),
  s('SHRIRAMFIN', 'FINANCIAL SERVICES', 1025.8, 825, 600),
  s('JIOFIN', 'FINANCIAL SERVICES', 233.16, 2350, 400),
  s('INFY', 'IT', 1047.4, 400, 1600),
  s('TCS', 'IT', 2242.9, 225, 1300),
  s('HCLTECH', 'IT', 1244.7, 400, 700),
  s('TECHM', 'IT', 1555.8, 600, 500),
  s('WIPRO', 'IT', 174.82, 3000, 400),
  s('M&M', 'AUTO', 3229.7, 200, 1200),
  s('MARUTI', 'AUTO', 13403.0, 50, 900),
  s('TATAMOTORS', 'AUTO', 405.85, 800, 1000),
  s('BAJAJ-AUTO', 'AUTO', 11283.5, 75, 500),
  s('EICHERMOT', 'AUTO', 7721.5, 100, 500),
  s('HEROMOTOCO', 'AUTO', 5173.8, 150, 400),
  s('SUNPHARMA', 'PHARMA', 1954.0, 350, 700),
  s('CIPLA', 'PHARMA', 1393.0, 425, 400),
  s('DRREDDY', 'PHARMA', 1166.3, 625, 400),
  s('APOLLOHOSP', 'PHARMA', 8862.0, 125, 400),
  s('ITC', 'FMCG', 281.3, 1725, 900),
  s('HINDUNILVR', 'FMCG', 2161.8, 300, 700),
  s('NESTLEIND', 'FMCG', 1447.9, 500, 300),
  s('TATACONSUM', 'FMCG', 1107.7, 550, 300),
  s('TATASTEEL', 'METAL', 184.23, 2750, 900),
  s('JSWSTEEL', 'METAL', 1246.8, 675, 400),
  s('HINDALCO', 'METAL', 955.65, 700, 600),
  s('ADANIENT', 'METAL', 3010.0, 309, 800),
  s('RELIANCE', 'ENERGY', 1272.2, 500, 2200),
  s('NTPC', 'ENERGY', 348.6, 1500, 600),
  s('POWERGRID', 'ENERGY', 289.8, 1900, 500),
  s('ONGC', 'ENERGY', 252.37, 2250, 500),
  s('COALINDIA', 'ENERGY', 427.05, 1350, 500),
  s('LT', 'INFRA', 3792.4, 175, 1100),
  s('BHARTIARTL', 'INFRA', 1931.0, 475, 1200),
  s('ULTRACEMCO', 'INFRA', 11908.0, 50, 500),
  s('GRASIM', 'INFRA', 3113.0, 250, 300),
  s('ADANIPORTS', 'INFRA', 1778.5, 475, 600),
  s('BEL', 'INFRA', 405.35, 1425, 900),
  s('TITAN', 'CONSUMER', 4697.3, 175, 700),
  s('ASIANPAINT', 'CONSUMER', 2668.8, 250, 500),
  s('TRENT', 'CONSUMER', 2874.8, 225, 800),
  s('ETERNAL', 'CONSUMER', 287.1, 2425, 1300),
];
