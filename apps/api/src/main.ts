import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap/configure-app';
import { serveConsole } from './bootstrap/serve-console';
import { loadConfig } from './config/load-config';

/** HTTP and WebSocket (/ws, through configureApp's WsAdapter) entry point of the mCube API. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
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
