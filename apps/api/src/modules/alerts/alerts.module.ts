import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { AlertsService } from './alerts.service';

/** The alerts domain of mCube: stored alerts, the console feed (see apps/api/README.md for what each module owns). */
@Module({
  imports: [DataModule],
  providers: [AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
