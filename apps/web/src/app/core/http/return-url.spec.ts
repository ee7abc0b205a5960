import { returnUrlAfter401 } from './return-url';

describe('returnUrlAfter401', () => {
  it('brings the user back to the page the session ended on', () => {
    expect(returnUrlAfter401('/positions/7?tab=legs')).toEqual({ returnUrl: '/positions/7?tab=legs' });
  });

  it('does not send a user back to the password page after a changed password ended the session', () => {
    expect(returnUrlAfter401('/password')).toEqual({});
    expect(returnUrlAfter401('/login?returnUrl=%2Fdashboard')).toEqual({});
    expect(returnUrlAfter401('/')).toEqual({});
  });
});
