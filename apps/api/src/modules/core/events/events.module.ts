import { Global, Module } from '@nestjs/common';
import { AppEventsBus } from './app-events.bus';
import { CrossProcessEventsRelay } from './cross-process-events.relay';

/**
 * The app-wide event bus and its cross-process relay (Redis pub/sub when REDIS_URL is set).
 * Global, so a module that publishes or listens needs no import for it (before issue 13 every
 * module imported the data module for the bus). Needs `APP_CONFIG` (the global config module).
 */
@Global()
@Module({
  providers: [AppEventsBus, CrossProcessEventsRelay],
  exports: [AppEventsBus, CrossProcessEventsRelay],
})
export class EventsModule {}
