import type { AnalyticsFilter } from './analytics.api';

/** The period choices of the page. */
export type PeriodPreset = 'ALL' | 'WEEK' | 'MONTH' | 'LAST_30' | 'CUSTOM';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** From/to of a preset ending on `today` (an IST date); CUSTOM keeps the given dates. */
export function periodOf(preset: PeriodPreset, today: string, custom: { from?: string; to?: string }): Pick<AnalyticsFilter, 'from' | 'to'> {
  switch (preset) {
    case 'ALL':
      return {};
    case 'WEEK': {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
      return { from: addDays(today, 1 - weekday), to: today };
    }
    case 'MONTH':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'LAST_30':
      return { from: addDays(today, -29), to: today };
    case 'CUSTOM':
      return { from: custom.from || undefined, to: custom.to || undefined };
  }
}
