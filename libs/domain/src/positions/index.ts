export * from './position.types';
export * from './leg-key';
export * from './open-position';
export * from './apply-fill';
export * from './mark-to-market';
export * from './close-if-flat';
export * from './position-result';
export * from './daily-pnl-values';
