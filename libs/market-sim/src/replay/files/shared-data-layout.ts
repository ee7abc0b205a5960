/**
 * Where each series lives in a data folder with the layout of `../shared/data/` (see its
 * README). A user's own folder must use the same relative paths and columns.
 */
export const DATA_LAYOUT = {
  niftyDaily: 'nifty50_daily/nifty50_daily_combined.csv',
  vixDaily: 'india_vix_daily/india_vix_daily_combined.csv',
  nifty15m: 'nifty_intraday/nifty50_15min_2015-2026.csv.gz',
  vix15m: 'nifty_intraday/india_vix_15min_2015-2026.csv.gz',
  nifty5m: ['nifty_intraday/nifty50_5min_2025-11-10_2026-01-05.csv', 'nifty_intraday/nifty50_5min_2026-05-14_2026-08-21.csv'],
  nifty1m: ['nifty_intraday/nifty50_1min_2026-07-28_2026-08-21.csv'],
  /** Sector index → files, older first; a later file wins on overlapping dates. */
  sectors: {
    'NIFTY BANK': ['sectoral_indices/nifty_bank_daily_nse_2000-2022.csv', 'sectoral_indices/nifty_bank_daily_yahoo_2015-2026.csv'],
    'NIFTY IT': ['sectoral_indices/nifty_it_daily_nse_2000-2022.csv', 'sectoral_indices/nifty_it_daily_yahoo_2016-2026.csv'],
    'NIFTY AUTO': ['sectoral_indices/nifty_auto_daily_nse_2000-2022.csv', 'sectoral_indices/nifty_auto_daily_yahoo_2016-2026.csv'],
    'NIFTY PHARMA': ['sectoral_indices/nifty_pharma_daily_nse_2000-2022.csv', 'sectoral_indices/nifty_pharma_daily_yahoo_2016-2026.csv'],
    'NIFTY FMCG': ['sectoral_indices/nifty_fmcg_daily_yahoo_2016-2026.csv'],
    'NIFTY METAL': ['sectoral_indices/nifty_metal_daily_yahoo_2016-2026.csv'],
    'NIFTY ENERGY': ['sectoral_indices/nifty_energy_daily_yahoo_2016-2026.csv'],
    'NIFTY INFRA': ['sectoral_indices/nifty_infra_daily_yahoo_2016-2026.csv'],
  } as Readonly<Record<string, readonly string[]>>,
  /** Global index → files, older first; a later file wins on overlapping dates. */
  globals: {
    NASDAQ: ['global_markets/nasdaq_composite_daily_2015-2025.csv', 'global_markets/nasdaq_composite_daily_2024-2026.csv'],
    'DOW JONES': ['global_markets/dow_jones_daily_2000-2019.csv', 'global_markets/dow_jones_daily_2024-2026.csv'],
    'S&P 500': ['global_markets/sp500_daily_2015-2026.csv', 'global_markets/sp500_daily_2024-2026.csv'],
  } as Readonly<Record<string, readonly string[]>>,
  stocks: 'fo_stocks_daily/fo_stocks_daily_nse_bhavcopy_2024-2026.csv.gz',
  optionsContractwise: 'nifty_options/nifty_options_eod_nse_contractwise_2019-2021.csv',
  optionsMarketActivity: 'nifty_options/nifty_options_eod_nse_mar_2025-11-14_2025-11-17.csv',
  optionsApiSnapshots: 'nifty_options/option_chain_snapshots_nse_api_2025-07-21_2025-08-05.csv',
  optionsWebsite: 'nifty_options/option_chain_nse_website_2026-02.csv',
} as const;
