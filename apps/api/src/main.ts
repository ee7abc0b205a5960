import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap/configure-app';
import { serveConsole } from './bootstrap/serve-console';
import { loadConfig } from './config/load-config';
import { createWorkerContext } from './worker-context';

/**
 * HTTP and WebSocket (/ws, through configureApp's WsAdapter) entry point of the mCube API
 * (roles `all` and `api`); with MCUBE_ROLE=worker it boots the worker instead, without HTTP.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (config.jobs.role === 'worker') {
    (await createWorkerContext(config)).enableShutdownHooks();
    process.stdout.write(`mCube worker running (MCUBE_ROLE=worker, ${config.redisUrl ? 'BullMQ' : 'in-process'} queues)\n`);
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, config);
  serveConsole(app, config.webDist);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  process.stdout.write(`mCube API listening on http://${config.host}:${config.port}\n`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
