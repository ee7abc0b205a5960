import { auditActionText, auditValueLines } from './audit-words';

describe('audit words', () => {
  it('names known actions in words and spells out unknown ones', () => {
    expect(auditActionText('strategy.pause')).toBe('Paused new entries');
    expect(auditActionText('kill-switch.halt')).toBe('kill switch halt');
  });

  it('shows a stored object as key: value lines', () => {
    expect(auditValueLines('{"entriesPaused":true,"reason":"RBI policy"}')).toEqual(['entriesPaused: true', 'reason: RBI policy']);
    expect(auditValueLines(null)).toEqual([]);
    expect(auditValueLines('not json')).toEqual(['not json']);
  });
});
