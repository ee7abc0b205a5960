import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** An honest empty state for a page or card whose data arrives with a later issue (no fake data). */
@Component({
  selector: 'mc-pending-feature',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="border border-dashed rounded-3 p-4 text-center text-secondary bg-white pending">
      <div class="fw-semibold mb-1">{{ title() }}</div>
      <div class="small">{{ detail() }}</div>
    </div>
  `,
  styles: [`.pending { border-style: dashed !important; }`],
})
export class PendingFeatureComponent {
  readonly title = input.required<string>();
  readonly detail = input.required<string>();
}
