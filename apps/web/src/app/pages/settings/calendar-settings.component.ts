import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { CalendarYearResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { CalendarApi } from '../../core/calendar/calendar.api';
import { CalendarStatusStore } from '../../core/calendar/calendar-status.store';
import { Notifier } from '../../core/notify/notifier.service';
import { LoadStateComponent } from '../../shared/ui/load-state.component';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The NSE holiday calendar (every role reads; admins edit, audited by the API): the horizon,
 * one year's holidays and special/muhurat sessions with where each comes from, adding and
 * removing them, importing NSE's "trading holidays" CSV, and confirming a year's list (which
 * moves the horizon and lifts the refusal of new entries).
 */
@Component({
  selector: 'mc-calendar-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, LoadStateComponent],
  templateUrl: './calendar-settings.component.html',
})
export class CalendarSettingsComponent {
  private readonly api = inject(CalendarApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  protected readonly statusStore = inject(CalendarStatusStore);
  protected readonly year = signal<number>(new Date().getFullYear() + 1);
  protected readonly view = signal<CalendarYearResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly importErrors = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly holidayForm = new FormGroup({
    date: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(DATE)] }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(120)] }),
  });
  protected readonly sessionForm = new FormGroup({
    date: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(DATE)] }),
    kind: new FormControl<'SPECIAL' | 'MUHURAT'>('MUHURAT', { nonNullable: true }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(120)] }),
    open: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME)] }),
    close: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME)] }),
  });
  protected readonly csv = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20_000)] });

  constructor() {
    void this.start();
  }

  protected weekday(date: string): string {
    return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  }

  protected async show(year: number): Promise<void> {
    if (!Number.isInteger(year) || year < 2000 || year > 2999) return;
    this.year.set(year);
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.view.set(await this.api.year(year));
    } catch (err) {
      this.loadError.set(messageOf(err));
    } finally {
      this.loading.set(false);
    }
  }

  protected yearOf(ev: Event): number {
    return Number((ev.target as HTMLInputElement).value);
  }

  protected addHoliday(): Promise<void> {
    this.holidayForm.markAllAsTouched();
    if (this.holidayForm.invalid) return Promise.resolve();
    const { date, name } = this.holidayForm.getRawValue();
    return this.write(() => this.api.addHoliday(date, name.trim()), `Holiday ${date} added.`, () => this.holidayForm.reset());
  }

  protected removeHoliday(date: string): Promise<void> {
    return this.write(() => this.api.removeHoliday(date), `Holiday ${date} removed.`);
  }

  protected addSession(): Promise<void> {
    this.sessionForm.markAllAsTouched();
    if (this.sessionForm.invalid) return Promise.resolve();
    const { date, ...session } = this.sessionForm.getRawValue();
    return this.write(() => this.api.putSession(date, { ...session, name: session.name.trim() }), `Session ${date} saved.`, () => this.sessionForm.reset({ kind: 'MUHURAT' }));
  }

  protected removeSession(date: string): Promise<void> {
    return this.write(() => this.api.removeSession(date), `Session ${date} removed.`);
  }

  /** Confirms the year with the holidays shown (entered one by one above). */
  protected confirmYear(): Promise<void> {
    const v = this.view();
    if (!v) return Promise.resolve();
    return this.write(() => this.api.putYear(v.year, v.holidays.map((h) => ({ date: h.date, name: h.name }))), `${v.year}'s holiday list confirmed.`);
  }

  protected async fileChosen(ev: Event): Promise<void> {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (file) this.csv.setValue(await file.text());
  }

  protected async importCsv(): Promise<void> {
    if (this.csv.invalid || this.busy()) return;
    this.importErrors.set([]);
    this.busy.set(true);
    try {
      const result = await this.api.importCsv(this.csv.value, this.year());
      this.view.set(result);
      this.csv.reset();
      const weekend = result.weekendDates.length > 0 ? ` (${result.weekendDates.length} weekend date(s) ignored)` : '';
      this.notifier.success(`${result.year}: ${result.holidays.length} holidays imported${weekend}; the year is confirmed.`);
      await this.statusStore.refresh();
    } catch (err) {
      this.importErrors.set(messageOf(err).split(' · '));
    } finally {
      this.busy.set(false);
    }
  }

  private async start(): Promise<void> {
    await this.statusStore.refresh();
    await this.show(this.statusStore.status()?.nextYear ?? this.year());
  }

  private async write(call: () => Promise<CalendarYearResponse>, done: string, after?: () => void): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    try {
      const v = await call();
      this.year.set(v.year);
      this.view.set(v);
      after?.();
      this.notifier.success(done);
      await this.statusStore.refresh();
    } catch (err) {
      this.formError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
