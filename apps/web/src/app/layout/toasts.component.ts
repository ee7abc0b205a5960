import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NgbToast } from '@ng-bootstrap/ng-bootstrap';
import { Notifier } from '../core/notify/notifier.service';

/** The notifier's messages as toasts in a corner. */
@Component({
  selector: 'mc-toasts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgbToast],
  template: `
    <div class="toast-container position-fixed bottom-0 end-0 p-3" aria-live="polite">
      @for (n of notifier.notices(); track n.id) {
        <ngb-toast [class]="'text-bg-' + n.kind" [autohide]="false" (hidden)="notifier.dismiss(n.id)">{{ n.text }}</ngb-toast>
      }
    </div>
  `,
  styles: [`.toast-container { z-index: 1100; }`],
})
export class ToastsComponent {
  protected readonly notifier = inject(Notifier);
}
