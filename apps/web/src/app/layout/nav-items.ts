/** One entry of the main menu. */
export interface NavItem {
  path: string;
  label: string;
}

/** The pages of the console, in menu order (every role sees every page; write controls differ). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', label: 'Dashboard' },
  { path: '/positions', label: 'Positions' },
  { path: '/orders', label: 'Orders' },
  { path: '/strategy', label: 'Strategy' },
  { path: '/analytics', label: 'Analytics' },
  { path: '/backtests', label: 'Backtests' },
  { path: '/market', label: 'Market' },
  { path: '/screener', label: 'Screener' },
  { path: '/approvals', label: 'Approvals' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/settings', label: 'Settings' },
];
