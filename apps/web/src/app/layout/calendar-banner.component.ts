import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { CalendarStatusStore } from '../core/calendar/calendar-status.store';

/** How often the banner asks again (the status changes at most once a day, or when a year is entered). */
export const CALENDAR_STATUS_REFRESH_MS = 5 * 60_000;

/**
 * The NSE calendar horizon banner of the shell: shown from 30 days before the holiday table ends
 * (GET /api/calendar/status) until the next year's holidays are entered; past the horizon it
 * says that new entries are refused while monitoring and exits go on. Silent when the status
 * cannot be read (the page's own errors say why). The settings tab refreshes it after an edit.
 */
@Component({
  selector: 'mc-calendar-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (status(); as s) {
      @if (s.warning) {
        <div class="alert rounded-0 py-1 px-3 mb-0 small" [class.alert-warning]="s.todayConfirmed" [class.alert-danger]="!s.todayConfirmed" role="alert" data-testid="calendar-banner">
          <strong>{{ s.todayConfirmed ? 'Holiday calendar ends ' + s.horizon : 'New entries refused: holiday calendar ended ' + s.horizon }}</strong>
          · {{ s.message }}
          <a routerLink="/settings" [queryParams]="{ tab: 'calendar' }" class="alert-link">{{ auth.isAdmin() ? 'Enter ' + s.nextYear + ' holidays' : 'See the calendar' }}</a>
        </div>
      }
    }
  `,
})
export class CalendarBannerComponent {
  private readonly store = inject(CalendarStatusStore);
  protected readonly auth = inject(AuthService);
  protected readonly status = this.store.status;

  constructor() {
    void this.store.refresh();
    const timer = setInterval(() => void this.store.refresh(), CALENDAR_STATUS_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
