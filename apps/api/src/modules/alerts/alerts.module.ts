import { Module } from '@nestjs/common';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { AlertFeedService } from './alert-feed.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** The alerts domain of mCube: stored alerts, the console feed (see apps/api/README.md for what each module owns). */
@Module({
  imports: [DataModule, CoreModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertFeedService],
  exports: [AlertsService],
})
export class AlertsModule {}
