import { inject, Injectable, signal } from '@angular/core';
import type { CalendarStatusResponse } from '@mcube/contracts';
import { CalendarApi } from './calendar.api';

/** The calendar's horizon status, shared by the shell banner and the settings tab (which refreshes it after an edit). */
@Injectable({ providedIn: 'root' })
export class CalendarStatusStore {
  private readonly api = inject(CalendarApi);
  readonly status = signal<CalendarStatusResponse | null>(null);

  /** Reads the status again; a failure leaves the last one (pages report their own errors). */
  async refresh(): Promise<void> {
    try {
      this.status.set(await this.api.status());
    } catch {
      // Kept as it was.
    }
  }
}
