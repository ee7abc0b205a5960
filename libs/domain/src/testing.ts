/**
 * Test builders of the domain (`@mcube/domain/testing`): every field defaulted, so a test or a
 * benchmark names only what it is about. Not part of the runtime API.
 */
export * from './orders/testing/order.builders';
export * from './risk/testing/risk.builders';
