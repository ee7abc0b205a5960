import { createDefaultNseCalendar, epochMsOfIst } from '@mcube/domain';
import { planSimStart } from './sim-start';

const calendar = createDefaultNseCalendar();
const NOW = epochMsOfIst('2026-12-02', '11:00'); // Wednesday

describe('planSimStart', () => {
  it('starts the day before today on the process clock by default (speed 1)', () => {
    expect(planSimStart({ nowMs: NOW, calendar, speed: 1 })).toEqual({ startDate: '2026-12-01', clockStartMs: null, resumed: false, note: null });
  });

  it('starts a faster clock at the open of the day before today', () => {
    expect(planSimStart({ nowMs: NOW, calendar, speed: 5 })).toMatchObject({ startDate: '2026-12-01', clockStartMs: epochMsOfIst('2026-12-01', '09:15') });
  });

  it('starts at the open of MCUBE_SIM_START, moving a weekend or holiday to the next trading day, in any year', () => {
    expect(planSimStart({ nowMs: NOW, calendar, speed: 1, configuredStart: '2027-03-01' })).toMatchObject({ startDate: '2027-03-01', clockStartMs: epochMsOfIst('2027-03-01', '09:15') });
    expect(planSimStart({ nowMs: NOW, calendar, speed: 1, configuredStart: '2028-06-03' })).toMatchObject({ startDate: '2028-06-05', clockStartMs: epochMsOfIst('2028-06-05', '09:15') });
    expect(planSimStart({ nowMs: NOW, calendar, speed: 1, configuredStart: '2026-12-25' }).startDate).toBe('2026-12-28');
  });

  it('resumes a stored clock that is later than the start, on its own trading day', () => {
    const stored = epochMsOfIst('2026-12-03', '13:20');
    expect(planSimStart({ nowMs: NOW, calendar, speed: 5, storedMs: stored })).toEqual({ startDate: '2026-12-03', clockStartMs: stored, resumed: true, note: null });
    // Stored on a Saturday (after Friday's close): the simulator starts on Friday and waits for Monday.
    expect(planSimStart({ nowMs: NOW, calendar, speed: 5, storedMs: epochMsOfIst('2026-12-05', '10:00') }).startDate).toBe('2026-12-04');
  });

  it('ignores, with a note, a start date earlier than the stored clock (a market never rewinds)', () => {
    const stored = epochMsOfIst('2027-03-04', '10:00');
    const plan = planSimStart({ nowMs: NOW, calendar, speed: 1, configuredStart: '2027-03-01', storedMs: stored });
    expect(plan).toMatchObject({ startDate: '2027-03-04', clockStartMs: stored, resumed: true });
    expect(plan.note).toContain('MCUBE_SIM_START=2027-03-01 is before the stored market clock 2027-03-04 10:00:00 IST');
    // The same day later on is a plain resume, not worth a warning.
    expect(planSimStart({ nowMs: NOW, calendar, speed: 5, configuredStart: '2027-03-04', storedMs: stored })).toMatchObject({ resumed: true, note: null });
  });

  it('moves on to a later start date than the stored clock, and follows the process clock when it is ahead', () => {
    const stored = epochMsOfIst('2026-12-03', '13:20');
    expect(planSimStart({ nowMs: NOW, calendar, speed: 1, configuredStart: '2028-06-05', storedMs: stored })).toMatchObject({ startDate: '2028-06-05', resumed: false });
    expect(planSimStart({ nowMs: NOW, calendar, speed: 1, storedMs: epochMsOfIst('2026-12-01', '15:00') })).toMatchObject({ clockStartMs: null, resumed: false });
  });
});
