import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The loading and error states of a page section: a spinner while loading, an alert with a
 * retry button on error; nothing once loaded.
 */
@Component({
  selector: 'mc-load-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loading()) {
      <div class="d-flex align-items-center gap-2 text-secondary py-3" role="status">
        <span class="spinner-border spinner-border-sm" aria-hidden="true"></span> Loading {{ what() }}…
      </div>
    } @else if (error()) {
      <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
        <span>Could not load {{ what() }}: {{ error() }}</span>
        <button type="button" class="btn btn-sm btn-outline-danger ms-auto" (click)="retry.emit()">Retry</button>
      </div>
    }
  `,
})
export class LoadStateComponent {
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly what = input('data');
  readonly retry = output<void>();
}
