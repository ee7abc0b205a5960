import { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';
import { ShellComponent } from './layout/shell.component';

/** Login outside the shell; every other page inside it, behind the auth guard, loaded lazily. */
export const appRoutes: Routes = [
  { path: 'login', title: 'mCube · Log in', loadComponent: () => import('./pages/login/login.page').then((m) => m.LoginPage) },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      { path: 'dashboard', title: 'mCube · Dashboard', loadComponent: () => import('./pages/dashboard/dashboard.page').then((m) => m.DashboardPage) },
      { path: 'positions', title: 'mCube · Positions', loadComponent: () => import('./pages/positions/positions.page').then((m) => m.PositionsPage) },
      { path: 'futures/:id', title: 'mCube · Futures position', loadComponent: () => import('./pages/futures-position/futures-position.page').then((m) => m.FuturesPositionPage) },
      { path: 'positions/:id', title: 'mCube · Position', loadComponent: () => import('./pages/positions/position-detail.page').then((m) => m.PositionDetailPage) },
      { path: 'orders', title: 'mCube · Orders', loadComponent: () => import('./pages/orders/orders.page').then((m) => m.OrdersPage) },
      { path: 'orders/:id', title: 'mCube · Order', loadComponent: () => import('./pages/orders/order-detail.page').then((m) => m.OrderDetailPage) },
      { path: 'strategy', title: 'mCube · Strategy', loadComponent: () => import('./pages/strategy/strategy.page').then((m) => m.StrategyPage) },
      { path: 'analytics', title: 'mCube · Analytics', loadComponent: () => import('./pages/analytics/analytics.page').then((m) => m.AnalyticsPage) },
      { path: 'backtests', title: 'mCube · Backtests', loadComponent: () => import('./pages/backtests/backtests.page').then((m) => m.BacktestsPage) },
      { path: 'market', title: 'mCube · Market', loadComponent: () => import('./pages/market/market.page').then((m) => m.MarketPage) },
      { path: 'password', title: 'mCube · Change password', loadComponent: () => import('./pages/password/password.page').then((m) => m.PasswordPage) },
      { path: 'screener', title: 'mCube · Screener', loadComponent: () => import('./pages/screener/screener.page').then((m) => m.ScreenerPage) },
      { path: 'approvals', title: 'mCube · Approvals', loadComponent: () => import('./pages/approvals/approvals.page').then((m) => m.ApprovalsPage) },
      { path: 'alerts', title: 'mCube · Alerts', loadComponent: () => import('./pages/alerts/alerts.page').then((m) => m.AlertsPage) },
      { path: 'audit', title: 'mCube · Audit log', loadComponent: () => import('./pages/audit/audit.page').then((m) => m.AuditPage) },
      { path: 'settings', title: 'mCube · Settings', loadComponent: () => import('./pages/settings/settings.page').then((m) => m.SettingsPage) },
    ],
  },
  { path: '**', redirectTo: 'dashboard' },
];
