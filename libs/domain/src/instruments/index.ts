export * from './instruments.types';
export * from './lot-sizes.data';
export * from './instrument-facts.data';
export * from './lot-size';
export * from './freeze-quantity';
export * from './slice-quantity';
export * from './tick-size';
export * from './strike-interval';
