import type { IsoDate } from '@mcube/domain';

/** The stored form of `DayMarks`: the IST date and that day's marks. */
export interface DayMarksSnapshot {
  readonly date: IsoDate | null;
  readonly marks: readonly string[];
}

/**
 * What the strategy did once on a trading day and must not do again that day, even after a
 * restart: the screen slots it ran (`screen:HH:MM`), the averaging approvals it asked for
 * (`average:<positionId>:<attempt>`), the overnight-hold alert (`eod-alert`). They are part of
 * the stored snapshot. Only the latest day's marks are kept: the market clock moves forward, so
 * an earlier day's marks would never be asked for again.
 */
export class DayMarks {
  private date: IsoDate | null = null;
  private readonly marks = new Set<string>();

  has(date: IsoDate, mark: string): boolean {
    return this.date === date && this.marks.has(mark);
  }

  /** Marks `mark` done on `date` (a new day first forgets the previous day's marks). */
  add(date: IsoDate, mark: string): void {
    if (this.date !== date) {
      this.marks.clear();
      this.date = date;
    }
    this.marks.add(mark);
  }

  snapshot(): DayMarksSnapshot {
    return { date: this.date, marks: [...this.marks] };
  }

  restore(snapshot: DayMarksSnapshot): void {
    this.date = snapshot.date;
    this.marks.clear();
    for (const m of snapshot.marks) this.marks.add(m);
  }
}
