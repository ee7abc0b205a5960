import { checkForm, currentValue, FieldSpec, groupsOf, parseInput, toInput } from './field-spec';

const delta: FieldSpec = { key: 'baseDeltaPct', label: 'Delta', kind: 'number', min: 0.1, max: 5 };
const days: FieldSpec = { key: 'minDaysToExpiry', label: 'Days', kind: 'number', min: 0, max: 7, integer: true };
const stop: FieldSpec = { key: 'weeklyLossLimitPaise', label: 'Weekly', kind: 'paise', minPaise: 100, maxPaise: 10_000_00, nullable: true };
const daily: FieldSpec = { key: 'dailyLossLimitPaise', label: 'Daily', kind: 'paise', minPaise: 100, maxPaise: 10_000_00 };
const time: FieldSpec = { key: 'entryTime', label: 'Entry', kind: 'time' };
const round: FieldSpec = { key: 'roundTo', label: 'Round', kind: 'choice', options: [50, 100] };
const caps: FieldSpec = { key: 'caps', label: 'Caps', kind: 'numberList', length: 3, min: 0.01, max: 1 };

describe('parseInput', () => {
  it('accepts the range bounds and refuses values outside them', () => {
    expect(parseInput(delta, '0.1')).toEqual({ ok: true, value: 0.1 });
    expect(parseInput(delta, '5')).toEqual({ ok: true, value: 5 });
    expect(parseInput(delta, '5.01')).toEqual({ ok: false, error: 'Must be between 0.1 and 5' });
    expect(parseInput(delta, '0.09').ok).toBe(false);
  });

  it('refuses text that is not a plain number, including NaN and exponents', () => {
    for (const bad of ['abc', 'NaN', '1e1', '1,5', '--1']) expect(parseInput(delta, bad)).toEqual({ ok: false, error: 'Must be a number' });
  });

  it('refuses a fraction where the server wants a whole number', () => {
    expect(parseInput(days, '1.5')).toEqual({ ok: false, error: 'Must be a whole number' });
    expect(parseInput(days, '3')).toEqual({ ok: true, value: 3 });
  });

  it('turns rupees into integer paise and refuses fractions of a paisa', () => {
    expect(parseInput(daily, '1500.25')).toEqual({ ok: true, value: 150025 });
    expect(parseInput(daily, '1.005').ok).toBe(false);
    expect(parseInput(daily, '0.5').ok).toBe(false);
  });

  it('switches a nullable limit off when emptied, and leaves a required one unchanged', () => {
    expect(parseInput(stop, '  ')).toEqual({ ok: true, value: null });
    expect(parseInput(daily, '')).toEqual({ ok: true, value: undefined });
  });

  it('accepts only 24-hour HH:MM times', () => {
    expect(parseInput(time, '09:15')).toEqual({ ok: true, value: '09:15' });
    for (const bad of ['9:15', '24:00', '10:60', '10:00:00']) expect(parseInput(time, bad).ok).toBe(false);
  });

  it('returns the listed option with its own type', () => {
    expect(parseInput(round, '100')).toEqual({ ok: true, value: 100 });
    expect(parseInput(round, '75').ok).toBe(false);
  });

  it('needs exactly the list length, each number in range', () => {
    expect(parseInput(caps, '0.2, 0.3, 0.5')).toEqual({ ok: true, value: [0.2, 0.3, 0.5] });
    expect(parseInput(caps, '0.2, 0.3').ok).toBe(false);
    expect(parseInput(caps, '0.2, 0.3, 1.5').ok).toBe(false);
  });
});

describe('checkForm', () => {
  const specs = [delta, daily, stop, time];
  const stored = { baseDeltaPct: 0.5, dailyLossLimitPaise: 2_000_00, weeklyLossLimitPaise: null, entryTime: '10:00' };
  const raws = () => Object.fromEntries(specs.map((s) => [s.key, toInput(s, stored[s.key as keyof typeof stored])]));

  it('sends nothing when the inputs show the stored values', () => {
    expect(checkForm(specs, stored, raws())).toEqual({ changes: {}, errors: {} });
  });

  it('sends only the fields whose value really changed', () => {
    const r = { ...raws(), baseDeltaPct: '0.50', dailyLossLimitPaise: '1500', weeklyLossLimitPaise: '4000' };
    expect(checkForm(specs, stored, r)).toEqual({ changes: { dailyLossLimitPaise: 1500_00, weeklyLossLimitPaise: 4000_00 }, errors: {} });
  });

  it('collects each bad field by key', () => {
    const r = { ...raws(), baseDeltaPct: '9', entryTime: '25:00' };
    expect(Object.keys(checkForm(specs, stored, r).errors).sort()).toEqual(['baseDeltaPct', 'entryTime']);
  });
});

describe('unit conventions and groups', () => {
  const fraction: FieldSpec = { key: 'stopLossPct', label: 'Stop loss', kind: 'number', min: 0.0005, max: 0.1, scale: 100, unit: '%' };

  it('shows a stored fraction as a percent and stores the typed percent as a fraction', () => {
    expect(toInput(fraction, 0.005)).toBe('0.5');
    expect(parseInput(fraction, '0.5')).toEqual({ ok: true, value: 0.005 });
    expect(parseInput(fraction, '0.3')).toEqual({ ok: true, value: 0.003 });
  });

  it('states the range in the shown unit', () => {
    expect(parseInput(fraction, '20')).toEqual({ ok: false, error: 'Must be between 0.05 and 10 %' });
  });

  it('reads the typed value for live hints when it parses, else the stored one', () => {
    expect(currentValue(fraction, '1', 0.005)).toBe(0.01);
    expect(currentValue(fraction, 'abc', 0.005)).toBe(0.005);
    expect(currentValue(fraction, undefined, 0.005)).toBe(0.005);
  });

  it('keeps groups in first-seen order', () => {
    const specs: FieldSpec[] = [
      { key: 'a', label: 'A', kind: 'time', group: 'Entry' },
      { key: 'b', label: 'B', kind: 'time', group: 'Exits' },
      { key: 'c', label: 'C', kind: 'time', group: 'Entry' },
    ];
    expect(groupsOf(specs).map((g) => [g.name, g.specs.map((s) => s.key)])).toEqual([['Entry', ['a', 'c']], ['Exits', ['b']]]);
  });
});
