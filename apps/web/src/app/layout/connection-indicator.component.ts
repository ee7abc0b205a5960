import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { LiveSocketService } from '../core/live/live-socket.service';
import { StatusStore } from '../core/live/status.store';

/**
 * Whether live updates arrive: "Live" on the socket; otherwise "stale since HH:MM:SS" (the
 * browser's wall clock at the last live message: how old the page's live data is) and, once
 * the REST fallback runs, that the page is polling.
 */
@Component({
  selector: 'mc-connection-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <span [class]="cls()" [attr.title]="title()" data-testid="connection-indicator" [attr.data-state]="live.state()" [attr.data-polling]="status.polling()">
      <span class="dot" aria-hidden="true"></span>
      @if (live.state() === 'online') {
        Live
      } @else {
        {{ live.state() === 'connecting' ? 'Connecting' : 'Offline' }}
        @if (live.lastLiveAt(); as at) {
          <span data-testid="stale-since">· stale since {{ at | date: 'HH:mm:ss' }} <span class="visually-hidden">(your clock)</span></span>
        }
        @if (status.polling()) { <span data-testid="polling">· polling every 5 s</span> }
      }
    </span>
  `,
  styles: [`.dot { width: .5rem; height: .5rem; border-radius: 50%; background: currentColor; display: inline-block; }`],
})
export class ConnectionIndicatorComponent {
  protected readonly live = inject(LiveSocketService);
  protected readonly status = inject(StatusStore);
  protected readonly title = computed(() =>
    this.live.state() === 'online' ? 'Live updates connected' : `Live updates unavailable; retrying automatically${this.status.polling() ? ', reading the API every 5 s meanwhile' : ''} (times on your clock)`,
  );
  protected readonly cls = computed(() => {
    const s = this.live.state();
    return 'badge rounded-pill d-inline-flex align-items-center gap-1 ' + (s === 'online' ? 'text-bg-success' : 'text-bg-warning');
  });
}
