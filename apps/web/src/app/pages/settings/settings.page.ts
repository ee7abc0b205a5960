import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { NgbNav, NgbNavContent, NgbNavItem, NgbNavLinkButton, NgbNavOutlet } from '@ng-bootstrap/ng-bootstrap';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { AuthService } from '../../core/auth/auth.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { AccountsSettingsComponent } from './accounts-settings.component';
import { ApiKeysSettingsComponent } from './api-keys-settings.component';
import { CalendarSettingsComponent } from './calendar-settings.component';
import { RiskLimitsCardComponent } from './risk-limits-card.component';
import { UsersSettingsComponent } from './users-settings.component';

/** Settings in tabs: accounts and credentials, risk limits, the NSE calendar, API keys, and users (admins only). `?tab=` opens one. */
@Component({
  selector: 'mc-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgbNav, NgbNavItem, NgbNavLinkButton, NgbNavContent, NgbNavOutlet, LoadStateComponent, AccountsSettingsComponent, ApiKeysSettingsComponent, CalendarSettingsComponent, RiskLimitsCardComponent, UsersSettingsComponent],
  template: `
    <h1 class="h3 mb-3">Settings</h1>
    <!-- Items are the tab buttons themselves (no li wrappers): a tablist owns tabs only (axe). Scrolls sideways on a phone. -->
    <nav ngbNav #nav="ngbNav" class="nav-tabs flex-nowrap overflow-x-auto overflow-y-hidden text-nowrap settings-tabs" aria-label="Settings sections" [destroyOnHide]="true" [activeId]="initialTab" data-testid="settings-tabs">
      <ng-container ngbNavItem="accounts">
        <button ngbNavLink>Accounts</button>
        <ng-template ngbNavContent><mc-accounts-settings /></ng-template>
      </ng-container>
      <ng-container ngbNavItem="risk">
        <button ngbNavLink>Risk limits</button>
        <ng-template ngbNavContent>
          <mc-load-state [loading]="accounts.loading()" [error]="accounts.error()" what="accounts" (retry)="accounts.reload()" />
          @for (a of accounts.value() ?? []; track a.id) { <mc-risk-limits-card [account]="a" /> }
        </ng-template>
      </ng-container>
      <ng-container ngbNavItem="calendar">
        <button ngbNavLink data-testid="calendar-tab">Calendar</button>
        <ng-template ngbNavContent><mc-calendar-settings /></ng-template>
      </ng-container>
      <ng-container ngbNavItem="api-keys">
        <button ngbNavLink>API keys</button>
        <ng-template ngbNavContent><mc-api-keys-settings /></ng-template>
      </ng-container>
      @if (auth.isAdmin()) {
        <ng-container ngbNavItem="users">
          <button ngbNavLink>Users</button>
          <ng-template ngbNavContent><mc-users-settings /></ng-template>
        </ng-container>
      }
    </nav>
    <div [ngbNavOutlet]="nav" class="pt-3"></div>
  `,
  styles: [`.settings-tabs { scrollbar-width: thin; } .settings-tabs .nav-link { flex-shrink: 0; }`],
})
export class SettingsPage {
  private readonly accountsApi = inject(AccountsApi);
  protected readonly auth = inject(AuthService);
  protected readonly accounts = asyncResource(() => this.accountsApi.list());
  protected readonly initialTab = inject(ActivatedRoute).snapshot.queryParamMap.get('tab') ?? 'accounts';
}
