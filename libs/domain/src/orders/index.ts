export * from './order-types';
export * from './order-status';
export * from './order-event';
export * from './order';
export * from './order-transitions';
export * from './apply-order-event';
export * from './protected-limit-price';
export * from './token-bucket';
