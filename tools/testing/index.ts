/** Test helpers shared by every project (imported as `@mcube/testing` from tests only). */
export * from './shared-data';
export * from './chroma-server';
