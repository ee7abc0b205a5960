import { messagesByField } from './messages-by-field';

describe('messagesByField', () => {
  const fields = ['baseDeltaPct', 'entryTime', 'entryWindowEnd'];

  it('files each message under the field it starts with, in either server wording', () => {
    const out = messagesByField(['baseDeltaPct must not be greater than 5', 'entryTime: must be an IST time HH:MM', 'entryTime must lie inside the entry window'], fields);
    expect(out).toEqual({ baseDeltaPct: ['baseDeltaPct must not be greater than 5'], entryTime: ['entryTime: must be an IST time HH:MM', 'entryTime must lie inside the entry window'] });
  });

  it("keeps messages naming no field of the form under ''", () => {
    expect(messagesByField(['body must change at least one parameter', 'property foo should not exist'], fields)).toEqual({ '': ['body must change at least one parameter', 'property foo should not exist'] });
  });

  it('does not take a field whose name merely starts the same', () => {
    expect(messagesByField(['entryTimeX must be a string'], fields)).toEqual({ '': ['entryTimeX must be a string'] });
  });
});
