import { ProgressBar } from './progress-bar';

describe('ProgressBar', () => {
  it('draws nothing off a terminal', () => {
    const out: string[] = [];
    const bar = new ProgressBar((t) => out.push(t), false);
    bar.update(1, 2, '2024-07-01');
    bar.done();
    expect(out).toEqual([]);
  });

  it('redraws at most every 100 ms on a terminal, always at the end, and clears its line', () => {
    const out: string[] = [];
    let now = 1_000;
    const bar = new ProgressBar((t) => out.push(t), true, () => now);
    bar.update(1, 4, '2024-07-01');
    now += 50;
    bar.update(2, 4, '2024-07-02');
    now += 10;
    bar.update(4, 4, '2024-07-04');
    bar.done();
    expect(out).toEqual(['\r[########......................]  25% 2024-07-01', '\r[##############################] 100% 2024-07-04', '\r\x1b[2K']);
  });
});
