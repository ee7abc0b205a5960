import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import type { AppConfig } from './config/app-config';

/**
 * The worker role: every module of the API as an application context (no HTTP server), with
 * the job processors on (role `worker`, whatever MCUBE_ROLE says). With REDIS_URL, workers on any
 * number of machines share the BullMQ queues the API enqueues to. Throws what the boot throws
 * (bad configuration, handlers not matching the job registry).
 */
export async function createWorkerContext(config: AppConfig, options: AppModuleOptions = {}): Promise<INestApplicationContext> {
  // The scheduled SQLite backup is the API process's (one writer of the backup folder).
  const workerConfig: AppConfig = { ...config, jobs: { ...config.jobs, role: 'worker', runWorkers: true }, ops: { ...config.ops, backup: { ...config.ops.backup, everyMinutes: 0 } } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(workerConfig, options), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  return app;
}
