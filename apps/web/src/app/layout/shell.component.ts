import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NgbCollapse, NgbDropdown, NgbDropdownButtonItem, NgbDropdownItem, NgbDropdownMenu, NgbDropdownToggle } from '@ng-bootstrap/ng-bootstrap';
import { AuthService } from '../core/auth/auth.service';
import { LiveSocketService } from '../core/live/live-socket.service';
import { Notifier } from '../core/notify/notifier.service';
import { CalendarBannerComponent } from './calendar-banner.component';
import { ConnectionIndicatorComponent } from './connection-indicator.component';
import { NAV_ITEMS } from './nav-items';
import { PendingApprovalsStore } from './pending-approvals.store';

/**
 * The logged-in frame: a responsive navbar (collapses to a menu button on a phone), the user
 * menu with logout, the live connection indicator, the calendar horizon banner, and the page below.
 */
@Component({
  selector: 'mc-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, NgbCollapse, NgbDropdown, NgbDropdownToggle, NgbDropdownMenu, NgbDropdownItem, NgbDropdownButtonItem, ConnectionIndicatorComponent, CalendarBannerComponent],
  templateUrl: './shell.component.html',
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  private readonly live = inject(LiveSocketService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  protected readonly items = NAV_ITEMS;
  protected readonly menuCollapsed = signal(true);
  protected readonly pendingApprovals = inject(PendingApprovalsStore).count;

  constructor() {
    // Until a set-for-you password is changed, the API refuses the socket too.
    if (!this.auth.user()?.mustChangePassword) {
      this.live.connect();
      inject(PendingApprovalsStore).follow(this.live, inject(DestroyRef));
    }
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
