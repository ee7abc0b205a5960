/** Side of a futures position: LONG profits when price rises, SHORT when it falls. */
export type FuturesDirection = 'LONG' | 'SHORT';
