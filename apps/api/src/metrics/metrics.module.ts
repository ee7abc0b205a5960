import { Global, Module } from '@nestjs/common';
import { DataModule } from '../modules/data/data.module';
import { RiskModule } from '../modules/risk/risk.module';
import { MetricsServer } from './metrics-server';
import { MetricsService } from './metrics.service';
import { OpsGauges } from './ops-gauges';

/** The registry, global so the order gateway and the job system can feed it. */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}

/** The scrape-time gauges and the `/metrics` listener (they read the risk and data modules). */
@Module({ imports: [RiskModule, DataModule], providers: [OpsGauges, MetricsServer], exports: [MetricsServer] })
export class OpsMetricsModule {}
