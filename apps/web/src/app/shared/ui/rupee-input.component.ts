import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { lakhCroreRupees } from './indian-number';

/**
 * A rupee amount input: '₹' in front, decimal keypad on phones, and a live preview in lakh and
 * crore under it ('= ₹1.5 lakh') so a zero too many shows before it is saved. The text is the
 * parent's (it validates); this only shows it and reports each keystroke.
 */
@Component({
  selector: 'mc-rupee-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="input-group input-group-sm">
      <span class="input-group-text" aria-hidden="true">₹</span>
      <input class="form-control" [id]="inputId()" inputmode="decimal" autocomplete="off" [value]="text()" [readOnly]="readonly()" [class.is-invalid]="invalid()" [attr.aria-describedby]="inputId() + '-preview'" (input)="changed.emit(valueOf($event))" />
    </div>
    <div class="form-text text-body-secondary" [id]="inputId() + '-preview'" [attr.data-testid]="'preview-' + inputId()" aria-live="polite">{{ preview() }}</div>
  `,
})
export class RupeeInputComponent {
  readonly inputId = input.required<string>();
  /** The typed text (rupees). */
  readonly text = input.required<string>();
  readonly readonly = input(false);
  readonly invalid = input(false);
  readonly changed = output<string>();

  protected readonly preview = computed(() => {
    const t = this.text().trim().replace(/,/g, '');
    if (t === '') return 'not set';
    const n = Number(t);
    return Number.isFinite(n) ? `= ${lakhCroreRupees(n)}` : '';
  });

  protected valueOf(ev: Event): string {
    return (ev.target as HTMLInputElement).value;
  }
}
