import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { LiveSocketService } from '../core/live/live-socket.service';

const LABEL = { online: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;
const TITLE = {
  online: 'Live updates connected',
  connecting: 'Connecting to live updates',
  offline: 'Live updates unavailable; retrying automatically',
} as const;

/** A dot and a word showing whether the live socket is connected. */
@Component({
  selector: 'mc-connection-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="badge rounded-pill d-inline-flex align-items-center gap-1" [class]="cls()" [attr.title]="title()" data-testid="connection-indicator" [attr.data-state]="live.state()">
      <span class="dot" aria-hidden="true"></span>{{ label() }}
    </span>
  `,
  styles: [`.dot { width: .5rem; height: .5rem; border-radius: 50%; background: currentColor; display: inline-block; }`],
})
export class ConnectionIndicatorComponent {
  protected readonly live = inject(LiveSocketService);
  protected readonly label = computed(() => LABEL[this.live.state()]);
  protected readonly title = computed(() => TITLE[this.live.state()]);
  protected readonly cls = computed(() => {
    const s = this.live.state();
    return 'badge rounded-pill d-inline-flex align-items-center gap-1 ' + (s === 'online' ? 'text-bg-success' : s === 'connecting' ? 'text-bg-warning' : 'text-bg-secondary');
  });
}
