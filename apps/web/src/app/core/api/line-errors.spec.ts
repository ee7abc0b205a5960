import { lineErrorsOf } from './line-errors';

describe('lineErrorsOf', () => {
  it('lists every bad line of a rejected import', () => {
    const body = { code: 'IMPORT_REJECTED', message: 'the holiday file was not imported: 2 problem(s)', errors: [{ line: 2, reason: '2027-01-26 is a Tuesday, not a Monday' }, { line: 5, reason: 'the description is empty' }] };
    expect(lineErrorsOf(body)).toEqual(['line 2: 2027-01-26 is a Tuesday, not a Monday', 'line 5: the description is empty']);
  });

  it('finds nothing in any other error body', () => {
    expect(lineErrorsOf({ code: 'VALIDATION_FAILED', message: ['name must be longer'] })).toEqual([]);
    expect(lineErrorsOf(null)).toEqual([]);
    expect(lineErrorsOf({ errors: [{ line: '2', reason: 1 }] })).toEqual([]);
  });
});
