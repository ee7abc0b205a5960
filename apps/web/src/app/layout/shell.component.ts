import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NgbCollapse, NgbDropdown, NgbDropdownButtonItem, NgbDropdownItem, NgbDropdownMenu, NgbDropdownToggle, NgbModal } from '@ng-bootstrap/ng-bootstrap';
import type { KillSwitchResponse } from '@mcube/contracts';
import { AuthService } from '../core/auth/auth.service';
import { LiveSocketService } from '../core/live/live-socket.service';
import { StatusStore } from '../core/live/status.store';
import { Notifier } from '../core/notify/notifier.service';
import { CalendarBannerComponent } from './calendar-banner.component';
import type { KillSwitchModalComponent } from '../pages/dashboard/kill-switch-modal.component';
import type { ExitAllModalComponent } from './exit-all-modal.component';
import { StatusBarComponent } from './status-bar.component';
import { navItemsFor } from './nav-items';
import { PendingApprovalsStore } from './pending-approvals.store';

/**
 * The logged-in frame: a responsive navbar (collapses to a menu button on a phone) whose top row
 * keeps the kill switch and "Exit all" (trader/admin) at every width, the user menu with logout,
 * the status bar (market, accounts, connection, alarms), the calendar horizon banner, and the page.
 */
@Component({
  selector: 'mc-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, NgbCollapse, NgbDropdown, NgbDropdownToggle, NgbDropdownMenu, NgbDropdownItem, NgbDropdownButtonItem, StatusBarComponent, CalendarBannerComponent],
  styles: [`.panic { white-space: nowrap; min-height: 2.25rem; }`],
  templateUrl: './shell.component.html',
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  private readonly live = inject(LiveSocketService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly modals = inject(NgbModal);
  private readonly status = inject(StatusStore);
  protected readonly items = computed(() => navItemsFor(this.auth.isAdmin()));
  protected readonly menuCollapsed = signal(true);
  protected readonly pendingApprovals = inject(PendingApprovalsStore).count;

  constructor() {
    // Until a set-for-you password is changed, the API refuses the socket too.
    if (!this.auth.user()?.mustChangePassword) {
      this.live.connect();
      this.status.start();
      inject(PendingApprovalsStore).follow(this.live, inject(DestroyRef));
    }
  }

  /** The kill switch from any page (the dashboard's risk panel opens the same dialog). */
  protected async openKillSwitch(): Promise<void> {
    // Loaded on first use: the dialogs stay out of the first download.
    const { KillSwitchModalComponent } = await import('../pages/dashboard/kill-switch-modal.component');
    const ref = this.modals.open(KillSwitchModalComponent, { backdrop: 'static', ariaLabelledBy: 'kill-switch-title' });
    const modal = ref.componentInstance as KillSwitchModalComponent;
    modal.accounts.set(this.status.accounts());
    modal.allowAll.set(this.auth.canWrite());
    modal.mayLiftAll.set(this.auth.isAdmin());
    try {
      const result = (await ref.result) as KillSwitchResponse;
      this.notifier.success(`Trading state set to ${result[0]?.tradingState ?? 'HALTED'} for ${result.length} account(s).`);
    } catch {
      // Dismissed: nothing changed.
    }
  }

  /** "Exit all and halt": flatten through the gateway, then HALTED; the dialog shows the legs until flat. */
  protected async openExitAll(): Promise<void> {
    const { ExitAllModalComponent } = await import('./exit-all-modal.component');
    const ref = this.modals.open(ExitAllModalComponent, { backdrop: 'static', ariaLabelledBy: 'exit-all-title', scrollable: true });
    (ref.componentInstance as ExitAllModalComponent).accounts.set(this.status.accounts());
    await ref.result.catch(() => undefined);
  }

  protected async logout(): Promise<void> {
    this.live.disconnect();
    try {
      await this.auth.logout();
    } catch {
      // The session is forgotten locally either way; the server's expires on its own.
    }
    this.notifier.success('Logged out.');
    await this.router.navigate(['/login']);
  }
}
