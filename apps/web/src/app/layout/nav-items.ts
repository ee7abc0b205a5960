/** One entry of the main menu. */
export interface NavItem {
  path: string;
  label: string;
  /** Shown to admins only (the API refuses the others anyway). */
  adminOnly?: boolean;
}

/** The pages of the console, in menu order (every role sees every page but the admin's; write controls differ). */
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
  { path: '/audit', label: 'Audit log', adminOnly: true },
  { path: '/settings', label: 'Settings' },
];

/** The menu as `isAdmin` sees it. */
export function navItemsFor(isAdmin: boolean): readonly NavItem[] {
  return NAV_ITEMS.filter((i) => !i.adminOnly || isAdmin);
}
