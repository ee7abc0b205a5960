import { erfc, normalCdf, normalPdf } from './normal-distribution';

// Reference values computed independently with mpmath at 30 significant digits.
const REFERENCE: ReadonlyArray<[number, number]> = [
  [0, 0.5],
  [1.96, 0.9750021048517795],
  [-1, 0.15865525393145705],
  [3, 0.9986501019683699],
  [-5, 2.866515718791939e-7],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
  [-30, 4.906713927148187e-198],
  [-37, 5.725571222524577e-300],
];

describe('normalCdf', () => {
  it.each(REFERENCE)('matches the high-precision value at %p to 1e-13 relative', (x, expected) => {
    expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-13);
  });

  it('keeps the absolute error of the upper half below 2e-16', () => {
    expect(Math.abs(normalCdf(8) - 0.9999999999999993)).toBeLessThan(2e-16);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (let x = 0; x < 9; x += 0.173) {
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(3e-16);
    }
  });

  it('never decreases and stays in [0, 1], with exact limits at ±∞', () => {
    let previous = 0;
    for (let x = -40; x <= 40; x += 0.0137) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeLessThanOrEqual(1);
      previous = p;
    }
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it('agrees with the density: (Φ(x+h) − Φ(x−h))/2h ≈ φ(x)', () => {
    const h = 1e-5;
    for (const x of [-6, -2.5, -0.3, 0, 0.7, 2]) {
      const slope = (normalCdf(x + h) - normalCdf(x - h)) / (2 * h);
      expect(Math.abs(slope / normalPdf(x) - 1)).toBeLessThan(1e-7);
    }
  });
});

describe('erfc', () => {
  it('matches known values (erfc(0.5), erfc(2), erfc(−1), erfc(6))', () => {
    expect(Math.abs(erfc(0.5) / 0.4795001221869535 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(2) / 0.004677734981047266 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(-1) / 1.8427007929497148 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(erfc(6) / 2.1519736712498913e-17 - 1)).toBeLessThan(1e-14);
  });
});
