/**
 * Test support of `@mcube/brokers-kotak-neo` (imported as `@mcube/brokers-kotak-neo/testing`):
 * the local Kotak Neo stand-in server, its fixtures and a kit wiring a client to it. Not part
 * of the runtime API.
 */
export * from './kotak-neo.fake-server';
export * from './fake-neo-faults';
export * from './fake-neo-auth';
export * from './fake-neo-book';
export * from './fake-neo-master';
export * from './fake-neo-state';
export * from './neo-fixtures';
export * from './kotak-neo-test-kit';
export * from './fo-master.builder';
