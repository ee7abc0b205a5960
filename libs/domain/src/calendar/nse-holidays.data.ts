import type { IsoDate } from '../time/ist-date';

/** One NSE trading holiday: a weekday with no normal F&O session. */
export interface NseHoliday {
  readonly date: IsoDate;
  /** The name NSE publishes; informational only. */
  readonly name: string;
}

/**
 * The dates `NSE_HOLIDAYS` is complete for (the shipped table, the seed of the stored calendar).
 * Outside it the default calendar answers by the weekday rule and says the days are unconfirmed,
 * until a year's list is entered (see `createDefaultNseCalendar`).
 */
export const NSE_CALENDAR_COVERAGE: { readonly from: IsoDate; readonly to: IsoDate } = {
  from: '2015-01-01',
  to: '2026-12-31',
};

/** The years `NSE_HOLIDAYS` is complete for, ascending (2015–2026). */
export const NSE_SEED_CONFIRMED_YEARS: readonly number[] = Object.freeze(
  Array.from({ length: Number(NSE_CALENDAR_COVERAGE.to.slice(0, 4)) - Number(NSE_CALENDAR_COVERAGE.from.slice(0, 4)) + 1 }, (_, i) => Number(NSE_CALENDAR_COVERAGE.from.slice(0, 4)) + i),
);

/**
 * NSE weekday trading holidays (equity derivatives), 2015-01-01 .. 2026-12-31.
 *
 * Sources (public facts written here as data; the shared CSV files are not copied):
 * - up to 2026-06-26: the weekdays with no NIFTY price row (the "derived" list of the shared
 *   test data, README §8), which matches NSE's published lists since 2018;
 * - 2026-09-14 onwards: NSE's published 2026 list (DECISIONS.md §2);
 * - Diwali Laxmi Pujan on a weekday: a published holiday with only a one-hour muhurat session
 *   (see `NSE_SPECIAL_SESSIONS`), so it is listed here too.
 * Weekend holidays are not listed: weekends never trade unless a special session says so.
 * Names for 2015–2017 and 2026 come from NSE's yearly holiday circulars (the shared lists
 * carry none for those years).
 */
export const NSE_HOLIDAYS: readonly NseHoliday[] = [
  // 2015
  { date: '2015-01-26', name: 'Republic Day' },
  { date: '2015-02-17', name: 'Mahashivratri' },
  { date: '2015-03-06', name: 'Holi' },
  { date: '2015-04-02', name: 'Mahavir Jayanti' },
  { date: '2015-04-03', name: 'Good Friday' },
  { date: '2015-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2015-05-01', name: 'Maharashtra Day' },
  { date: '2015-09-17', name: 'Ganesh Chaturthi' },
  { date: '2015-09-25', name: 'Bakri Id' },
  { date: '2015-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2015-10-22', name: 'Dussehra' },
  { date: '2015-11-11', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2015-11-12', name: 'Diwali Balipratipada' },
  { date: '2015-11-25', name: 'Gurunanak Jayanti' },
  { date: '2015-12-25', name: 'Christmas' },
  // 2016
  { date: '2016-01-26', name: 'Republic Day' },
  { date: '2016-03-07', name: 'Mahashivratri' },
  { date: '2016-03-24', name: 'Holi' },
  { date: '2016-03-25', name: 'Good Friday' },
  { date: '2016-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2016-04-15', name: 'Ram Navami' },
  { date: '2016-04-19', name: 'Mahavir Jayanti' },
  { date: '2016-07-06', name: 'Id-Ul-Fitr (Ramzan Id)' },
  { date: '2016-08-15', name: 'Independence Day' },
  { date: '2016-09-05', name: 'Ganesh Chaturthi' },
  { date: '2016-09-13', name: 'Bakri Id' },
  { date: '2016-10-11', name: 'Dussehra' },
  { date: '2016-10-12', name: 'Muharram' },
  { date: '2016-10-31', name: 'Diwali Balipratipada' },
  { date: '2016-11-14', name: 'Gurunanak Jayanti' },
  // 2017
  { date: '2017-01-26', name: 'Republic Day' },
  { date: '2017-02-24', name: 'Mahashivratri' },
  { date: '2017-03-13', name: 'Holi' },
  { date: '2017-04-04', name: 'Ram Navami' },
  { date: '2017-04-14', name: 'Good Friday / Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2017-05-01', name: 'Maharashtra Day' },
  { date: '2017-06-26', name: 'Id-Ul-Fitr (Ramzan Id)' },
  { date: '2017-08-15', name: 'Independence Day' },
  { date: '2017-08-25', name: 'Ganesh Chaturthi' },
  { date: '2017-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2017-10-19', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2017-10-20', name: 'Diwali Balipratipada' },
  { date: '2017-12-25', name: 'Christmas' },
  // 2018
  { date: '2018-01-26', name: 'Republic Day' },
  { date: '2018-02-13', name: 'Mahashivratri' },
  { date: '2018-03-02', name: 'Holi' },
  { date: '2018-03-29', name: 'Mahavir Jayanti' },
  { date: '2018-03-30', name: 'Good Friday' },
  { date: '2018-05-01', name: 'Maharashtra Day' },
  { date: '2018-08-15', name: 'Independence Day' },
  { date: '2018-08-22', name: 'Bakri Id' },
  { date: '2018-09-13', name: 'Ganesh Chaturthi' },
  { date: '2018-09-20', name: 'Muharram' },
  { date: '2018-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2018-10-18', name: 'Dussehra' },
  { date: '2018-11-07', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2018-11-08', name: 'Diwali Balipratipada' },
  { date: '2018-11-23', name: 'Gurunanak Jayanti' },
  { date: '2018-12-25', name: 'Christmas' },
  // 2019
  { date: '2019-03-04', name: 'Mahashivratri' },
  { date: '2019-03-21', name: 'Holi' },
  { date: '2019-04-17', name: 'Mahavir Jayanti' },
  { date: '2019-04-19', name: 'Good Friday' },
  { date: '2019-04-29', name: 'General Elections (Lok Sabha)' },
  { date: '2019-05-01', name: 'Maharashtra Day' },
  { date: '2019-06-05', name: 'Id-Ul-Fitr (Ramzan Id)' },
  { date: '2019-08-12', name: 'Bakri Id' },
  { date: '2019-08-15', name: 'Independence Day' },
  { date: '2019-09-02', name: 'Ganesh Chaturthi' },
  { date: '2019-09-10', name: 'Muharram' },
  { date: '2019-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2019-10-08', name: 'Dussehra' },
  { date: '2019-10-21', name: 'Maharashtra Assembly Election' },
  { date: '2019-10-28', name: 'Diwali Balipratipada' },
  { date: '2019-11-12', name: 'Gurunanak Jayanti' },
  { date: '2019-12-25', name: 'Christmas' },
  // 2020
  { date: '2020-02-21', name: 'Mahashivratri' },
  { date: '2020-03-10', name: 'Holi' },
  { date: '2020-04-02', name: 'Ram Navami' },
  { date: '2020-04-06', name: 'Mahavir Jayanti' },
  { date: '2020-04-10', name: 'Good Friday' },
  { date: '2020-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2020-05-01', name: 'Maharashtra Day' },
  { date: '2020-05-25', name: 'Id-Ul-Fitr (Ramzan ID)' },
  { date: '2020-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2020-11-16', name: 'Diwali-Balipratipada' },
  { date: '2020-11-30', name: 'Gurunanak Jayanti' },
  { date: '2020-12-25', name: 'Christmas' },
  // 2021
  { date: '2021-01-26', name: 'Republic Day' },
  { date: '2021-03-11', name: 'Mahashivratri' },
  { date: '2021-03-29', name: 'Holi' },
  { date: '2021-04-02', name: 'Good Friday' },
  { date: '2021-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2021-04-21', name: 'Ram Navami' },
  { date: '2021-05-13', name: 'Id-Ul-Fitr (Ramzan Id)' },
  { date: '2021-07-21', name: 'Bakri Id' },
  { date: '2021-08-19', name: 'Muharram' },
  { date: '2021-09-10', name: 'Ganesh Chaturthi' },
  { date: '2021-10-15', name: 'Dussehra' },
  { date: '2021-11-04', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2021-11-05', name: 'Diwali (Balipratipada)' },
  { date: '2021-11-19', name: 'Gurunanak Jayanti' },
  // 2022
  { date: '2022-01-26', name: 'Republic Day' },
  { date: '2022-03-01', name: 'Mahashivratri' },
  { date: '2022-03-18', name: 'Holi' },
  { date: '2022-04-14', name: 'Mahavir Jayanti / Dr.Baba Saheb Ambedkar Jayanti' },
  { date: '2022-04-15', name: 'Good Friday' },
  { date: '2022-05-03', name: 'Id-Ul-Fitr (Ramzan Id)' },
  { date: '2022-08-09', name: 'Muharram' },
  { date: '2022-08-15', name: 'Independence Day' },
  { date: '2022-08-31', name: 'Ganesh Chaturthi' },
  { date: '2022-10-05', name: 'Dussehra' },
  { date: '2022-10-24', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2022-10-26', name: 'Diwali (Balipratipada)' },
  { date: '2022-11-08', name: 'Gurunanak Jayanti' },
  // 2023
  { date: '2023-01-26', name: 'Republic Day' },
  { date: '2023-03-07', name: 'Holi' },
  { date: '2023-03-30', name: 'Ram Navami' },
  { date: '2023-04-04', name: 'Mahavir Jayanti' },
  { date: '2023-04-07', name: 'Good Friday' },
  { date: '2023-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2023-05-01', name: 'Maharashtra Day' },
  { date: '2023-06-29', name: 'Bakri Id' },
  { date: '2023-08-15', name: 'Independence Day' },
  { date: '2023-09-19', name: 'Ganesh Chaturthi' },
  { date: '2023-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2023-10-24', name: 'Dussehra' },
  { date: '2023-11-14', name: 'Diwali Balipratipada' },
  { date: '2023-11-27', name: 'Gurunanak Jayanti' },
  { date: '2023-12-25', name: 'Christmas' },
  // 2024
  { date: '2024-01-22', name: 'Ram Mandir Inauguration Day' },
  { date: '2024-01-26', name: 'Republic Day' },
  { date: '2024-03-08', name: 'Maha Shiv Ratri' },
  { date: '2024-03-25', name: 'Holi' },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-11', name: 'Eid-Ul-Fitr (Ramzan Eid)' },
  { date: '2024-04-17', name: 'Ram Navami' },
  { date: '2024-05-01', name: 'Maharashtra Day' },
  { date: '2024-05-20', name: 'General Elections (Lok Sabha)' },
  { date: '2024-06-17', name: 'Bakri Eid' },
  { date: '2024-07-17', name: 'Moharram' },
  { date: '2024-08-15', name: 'Independence Day' },
  { date: '2024-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2024-11-01', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2024-11-15', name: 'Gurunanak Jayanti' },
  { date: '2024-11-20', name: 'Assembly Elections in Maharashtra' },
  { date: '2024-12-25', name: 'Christmas' },
  // 2025
  { date: '2025-02-26', name: 'Mahashivratri' },
  { date: '2025-03-14', name: 'Holi' },
  { date: '2025-03-31', name: 'Id-Ul-Fitr (Ramadan Eid)' },
  { date: '2025-04-10', name: 'Shri Mahavir Jayanti' },
  { date: '2025-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-05-01', name: 'Maharashtra Day' },
  { date: '2025-08-15', name: 'Independence Day' },
  { date: '2025-08-27', name: 'Ganesh Chaturthi' },
  { date: '2025-10-02', name: 'Mahatma Gandhi Jayanti/Dussehra' },
  { date: '2025-10-21', name: 'Diwali Laxmi Pujan (muhurat session only)' },
  { date: '2025-10-22', name: 'Diwali-Balipratipada' },
  { date: '2025-11-05', name: 'Prakash Gurpurb Sri Guru Nanak Dev' },
  { date: '2025-12-25', name: 'Christmas' },
  // 2026
  { date: '2026-01-15', name: 'Municipal Corporation Elections in Maharashtra' },
  { date: '2026-01-26', name: 'Republic Day' },
  { date: '2026-03-03', name: 'Holi' },
  { date: '2026-03-26', name: 'Shri Ram Navami' },
  { date: '2026-03-31', name: 'Shri Mahavir Jayanti' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-14', name: 'Dr. Baba Saheb Ambedkar Jayanti' },
  { date: '2026-05-01', name: 'Maharashtra Day' },
  { date: '2026-05-28', name: 'Bakri Id' },
  { date: '2026-06-26', name: 'Muharram' },
  { date: '2026-09-14', name: 'Ganesh Chaturthi' },
  { date: '2026-10-02', name: 'Mahatma Gandhi Jayanti' },
  { date: '2026-10-20', name: 'Dussehra' },
  { date: '2026-11-10', name: 'Diwali Balipratipada' },
  { date: '2026-11-24', name: 'Prakash Gurpurb Sri Guru Nanak Dev' },
  { date: '2026-12-25', name: 'Christmas' },
];
