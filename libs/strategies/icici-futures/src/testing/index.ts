/**
 * Test support of `@mcube/strategy-icici-futures` (imported as `@mcube/strategy-icici-futures/testing`):
 * the strategy wired to in-memory fakes and the scripted screen scenario. Not part of the runtime API.
 */
export * from './strategy-harness';
export * from './screen-scenario';
