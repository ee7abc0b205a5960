import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal, untracked } from '@angular/core';
import { RupeeInputComponent } from '../ui/rupee-input.component';
import { checkForm, currentValue, FieldSpec, groupsOf, RawInput, toInput } from './field-spec';

/**
 * A form for a set of stored settings: one input per field spec, client-side checks mirroring
 * the server's ranges, server messages shown next to the field they name, and Save sending only
 * the fields that changed. Read-only (no Save, inputs disabled) for viewers. Fields with a
 * `group` are shown in sections; ₹ fields preview the amount in lakh/crore as it is typed;
 * a `liveHint` follows the typed value.
 */
@Component({
  selector: 'mc-settings-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RupeeInputComponent],
  templateUrl: './settings-form.component.html',
  styles: [`.form-text { font-size: .8rem; }`],
})
export class SettingsFormComponent {
  readonly specs = input.required<readonly FieldSpec[]>();
  /**
   * The stored values (the form resets to them whenever they change). Any response object is
   * accepted (contract interfaces such as `RiskLimitsResponse` have no index signature); the
   * form reads it by the specs' keys.
   */
  readonly values = input.required<Record<string, unknown>, object>({ transform: (v: object) => v as Record<string, unknown> });
  readonly readonly = input(false);
  readonly saving = input(false);
  /** Server validation messages by field key; '' holds those naming no field. */
  readonly serverErrors = input<Partial<Record<string, string[]>>>({});
  /** A prefix for element ids, so two forms can share a page. */
  readonly idPrefix = input('field');
  /** Emits the changed fields only. */
  readonly save = output<Record<string, unknown>>();

  protected readonly raws = linkedSignal<Record<string, RawInput>>(() => {
    const v = this.values();
    return Object.fromEntries(this.specs().map((s) => [s.key, toInput(s, v[s.key])]));
  });
  /** The inputs as they were when the server's messages arrived: a field edited since hides its stale message. */
  private readonly rawsAtServerErrors = linkedSignal<Record<string, RawInput>>(() => {
    this.serverErrors();
    return untracked(this.raws);
  });
  protected readonly groups = computed(() => groupsOf(this.specs()));
  protected readonly check = computed(() => checkForm(this.specs(), this.values(), this.raws()));
  protected readonly hasChanges = computed(() => Object.keys(this.check().changes).length > 0);
  protected readonly hasErrors = computed(() => Object.keys(this.check().errors).length > 0);
  protected readonly nothingToSave = signal(false);
  /** Server messages that name no field of this form. */
  protected readonly formErrors = computed(() => this.serverErrors()[''] ?? []);

  protected set(key: string, raw: RawInput): void {
    this.nothingToSave.set(false);
    this.raws.update((r) => ({ ...r, [key]: raw }));
  }

  protected textOf(key: string): string {
    const r = this.raws()[key];
    return typeof r === 'string' ? r : '';
  }

  /** The spec's live hint for what is typed now (the stored value while the input does not parse). */
  protected liveHintOf(spec: FieldSpec): string | null {
    return spec.liveHint ? spec.liveHint(currentValue(spec, this.raws()[spec.key], this.values()[spec.key])) : null;
  }

  protected errorsOf(key: string): string[] {
    const client = this.check().errors[key];
    if (client) return [client];
    return this.raws()[key] === this.rawsAtServerErrors()[key] ? (this.serverErrors()[key] ?? []) : [];
  }

  protected reset(): void {
    this.raws.set(Object.fromEntries(this.specs().map((s) => [s.key, toInput(s, this.values()[s.key])])));
  }

  protected submit(): void {
    if (this.readonly() || this.hasErrors()) return;
    if (!this.hasChanges()) {
      this.nothingToSave.set(true);
      return;
    }
    this.save.emit(this.check().changes);
  }

  protected inputValue(ev: Event): string {
    return (ev.target as HTMLInputElement).value;
  }

  protected checked(ev: Event): boolean {
    return (ev.target as HTMLInputElement).checked;
  }
}
