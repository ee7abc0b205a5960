import { reasonProblem } from './reason';

describe('reasonProblem', () => {
  it('accepts a plain sentence as the API does', () => {
    expect(reasonProblem("event risk: RBI policy (today's) 10/10 - exit")).toBeNull();
  });

  it('refuses what the API would refuse, saying why', () => {
    expect(reasonProblem('  ok ')).toMatch(/at least 3/);
    expect(reasonProblem('x'.repeat(201))).toMatch(/under 200/);
    expect(reasonProblem('exit <script>')).toMatch(/letters, digits/);
  });
});
