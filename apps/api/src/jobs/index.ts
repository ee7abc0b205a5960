export * from './job-errors';
export * from './job-queue.port';
export * from './job-registry';
export * from './job-schedule';
export * from './job-handlers.registry';
export * from './jobs.module';
export * from './jobs-clock';
