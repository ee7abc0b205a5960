/**
 * Test support of @mcube/brokers-icici-breeze (tests only; never imported by production code):
 * the local Breeze server, its scripting handles, the master zip builder and a ready rig.
 */
export * from './icici-breeze.fake-server';
export * from './fake/fake-breeze-book';
export * from './fake/fake-breeze-faults';
export * from './fake/fake-breeze-market';
export * from './fake/fake-breeze-routes';
export * from './master-zip.builder';
export * from './icici-breeze-test-kit';
