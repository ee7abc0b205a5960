import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { createDefaultNseCalendar, delegatingNseCalendar, type NseCalendar } from '@mcube/domain';
import { NSE_CALENDAR } from '../modules/data/source/market-data.tokens';
import { JOBS_CALENDAR } from './job-queue.port';

/**
 * Provides `JOBS_CALENDAR`: the data module's `NSE_CALENDAR` (the one stored calendar) once it
 * can be resolved, so the schedule follows every holiday entered; the shipped table only in a
 * process without the data module (the job system's own tests). Never throws.
 */
export const jobsCalendarProvider: Provider = {
  provide: JOBS_CALENDAR,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): NseCalendar => {
    let target: NseCalendar | undefined;
    let shipped: NseCalendar | undefined;
    return delegatingNseCalendar(() => {
      if (!target) {
        try {
          target = ref.get<NseCalendar>(NSE_CALENDAR, { strict: false });
        } catch {
          return (shipped ??= createDefaultNseCalendar());
        }
      }
      return target;
    });
  },
};
