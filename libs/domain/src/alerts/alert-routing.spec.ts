import { DomainError } from '../errors/domain-error';
import { cooldownSuppresses, DEFAULT_MIN_SEVERITY, inQuietHours, retryDelayMs, routeAlert, type ChannelRoute } from './alert-routing';

const routes = (over: Partial<Record<'TELEGRAM' | 'EMAIL' | 'SMS', Partial<ChannelRoute>>> = {}): ChannelRoute[] =>
  (['TELEGRAM', 'EMAIL', 'SMS'] as const).map((channel) => ({ channel, enabled: true, minSeverity: DEFAULT_MIN_SEVERITY[channel], quietHours: null, ...over[channel] }));
const sent = (d: ReturnType<typeof routeAlert>) => d.filter((x) => x.action === 'SEND').map((x) => x.channel);

describe('alert routing by priority', () => {
  it('sends INFO to Telegram, WARNING to Telegram and e-mail, CRITICAL to all three', () => {
    expect(sent(routeAlert({ severity: 'INFO', routes: routes(), time: '12:00' }))).toEqual(['TELEGRAM']);
    expect(sent(routeAlert({ severity: 'WARNING', routes: routes(), time: '12:00' }))).toEqual(['TELEGRAM', 'EMAIL']);
    expect(sent(routeAlert({ severity: 'CRITICAL', routes: routes(), time: '12:00' }))).toEqual(['TELEGRAM', 'EMAIL', 'SMS']);
  });

  it('skips a switched-off channel with a reason, and lists no channel the alert is too quiet for', () => {
    expect(routeAlert({ severity: 'WARNING', routes: routes({ EMAIL: { enabled: false } }), time: '12:00' })).toEqual([
      { channel: 'TELEGRAM', action: 'SEND' },
      { channel: 'EMAIL', action: 'SKIP', reason: 'DISABLED' },
    ]);
  });

  it('holds back INFO in quiet hours, never WARNING or CRITICAL', () => {
    const quiet = routes({ TELEGRAM: { quietHours: { from: '22:00', to: '07:00' } } });
    expect(routeAlert({ severity: 'INFO', routes: quiet, time: '23:30' })).toEqual([{ channel: 'TELEGRAM', action: 'SKIP', reason: 'QUIET_HOURS' }]);
    expect(sent(routeAlert({ severity: 'INFO', routes: quiet, time: '07:00' }))).toEqual(['TELEGRAM']);
    expect(sent(routeAlert({ severity: 'WARNING', routes: quiet, time: '23:30' }))).toEqual(['TELEGRAM', 'EMAIL']);
    expect(sent(routeAlert({ severity: 'CRITICAL', routes: quiet, time: '03:00' }))).toEqual(['TELEGRAM', 'EMAIL', 'SMS']);
  });

  it('uses explicit channels instead of the severity rule, and never an excluded one', () => {
    expect(sent(routeAlert({ severity: 'INFO', routes: routes(), time: '12:00', only: ['EMAIL', 'TELEGRAM'] }))).toEqual(['TELEGRAM', 'EMAIL']);
    expect(sent(routeAlert({ severity: 'CRITICAL', routes: routes(), time: '12:00', exclude: ['SMS'] }))).toEqual(['TELEGRAM', 'EMAIL']);
  });

  it('refuses a channel routed twice', () => {
    expect(() => routeAlert({ severity: 'INFO', routes: [...routes(), routes()[0]], time: '12:00' })).toThrow(DomainError);
  });
});

describe('quiet hours', () => {
  it('covers [from, to) within a day and across midnight; equal bounds are never quiet', () => {
    expect([inQuietHours('12:59:59', { from: '13:00', to: '14:00' }), inQuietHours('13:00', { from: '13:00', to: '14:00' }), inQuietHours('14:00', { from: '13:00', to: '14:00' })]).toEqual([false, true, false]);
    expect([inQuietHours('21:59', { from: '22:00', to: '07:00' }), inQuietHours('00:00', { from: '22:00', to: '07:00' }), inQuietHours('06:59:59', { from: '22:00', to: '07:00' })]).toEqual([false, true, true]);
    expect(inQuietHours('10:00', { from: '10:00', to: '10:00' })).toBe(false);
  });
});

describe('cooldown per alert kind', () => {
  const min = 60_000;
  it('suppresses a repeat inside the cooldown and lets it through at or after it', () => {
    expect(cooldownSuppresses({ severity: 'WARNING', previousOccurredAtMs: 0, occurredAtMs: 14 * min, cooldownMs: 15 * min })).toBe(true);
    expect(cooldownSuppresses({ severity: 'WARNING', previousOccurredAtMs: 0, occurredAtMs: 15 * min, cooldownMs: 15 * min })).toBe(false);
    expect(cooldownSuppresses({ severity: 'INFO', previousOccurredAtMs: null, occurredAtMs: 0, cooldownMs: 15 * min })).toBe(false);
  });

  it('suppresses a late duplicate (older than the stored one) and never a CRITICAL', () => {
    expect(cooldownSuppresses({ severity: 'WARNING', previousOccurredAtMs: 10 * min, occurredAtMs: 0, cooldownMs: 15 * min })).toBe(true);
    expect(cooldownSuppresses({ severity: 'CRITICAL', previousOccurredAtMs: 0, occurredAtMs: 1, cooldownMs: 15 * min })).toBe(false);
  });
});

describe('retry delay', () => {
  it('doubles from the base up to the cap, and honours a longer retry_after', () => {
    expect([1, 2, 3, 10].map((attempt) => retryDelayMs({ attempt, baseMs: 1000, maxMs: 5000 }))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelayMs({ attempt: 1, baseMs: 1000, maxMs: 5000, retryAfterMs: 7000 })).toBe(7000);
    expect(retryDelayMs({ attempt: 3, baseMs: 1000, maxMs: 5000, retryAfterMs: 500 })).toBe(4000);
    expect(() => retryDelayMs({ attempt: 0, baseMs: 1000, maxMs: 5000 })).toThrow(DomainError);
  });
});
