/** A step of `broker:check` as both brokers' checks report it. */
interface CheckStepShape<N extends string> {
  readonly step: N;
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

/** Paise as the check prints them (₹, Indian grouping). */
export const rupees = (paise: number) => `₹${(paise / 100).toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;

/**
 * The step runner of a broker check: times `fn` (wall time, for the printed durations), records
 * its answer or its error's message in `steps`, tells `onStep`, and answers whether it passed.
 */
export function checkStepRunner<N extends string>(steps: CheckStepShape<N>[], onStep?: (step: CheckStepShape<N>) => void) {
  return async (step: N, fn: () => Promise<string>): Promise<boolean> => {
    const t0 = Date.now(); // wall time for the printed durations
    let result: CheckStepShape<N>;
    try {
      result = { step, ok: true, detail: await fn(), ms: Date.now() - t0 };
    } catch (error) {
      result = { step, ok: false, detail: (error as Error).message, ms: Date.now() - t0 };
    }
    steps.push(result);
    onStep?.(result);
    return result.ok;
  };
}
