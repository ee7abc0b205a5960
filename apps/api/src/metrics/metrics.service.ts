import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobMetricsSink } from '../jobs/job-runner';

/** Seconds buckets of the order intent → broker acknowledgement latency (the journal fsync sits near 5 ms). */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds buckets of job durations and lags (a monitor tick is milliseconds, a report seconds). */
const JOB_BUCKETS = [0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 15, 60, 300];

/** A gauge read at scrape time: `collect` sets its values (it may query the database). */
export type GaugeCollect = (gauge: Gauge) => Promise<void> | void;

/**
 * The process's Prometheus registry (prom-client) and the instruments the code paths feed:
 * order intent → ack latency, risk denials by code, job durations and lags. Gauges read at
 * scrape time (orders by status, queue depths, breaker and trading states, WebSocket clients,
 * market-data age) are added by `OpsGauges`. One registry per app instance (not prom-client's
 * global one), so several apps in one test process do not collide. Times are wall time.
 */
@Injectable()
export class MetricsService implements JobMetricsSink {
  readonly registry = new Registry();
  private readonly intentToAck = new Histogram({
    name: 'mcube_order_intent_to_ack_seconds',
    help: 'Wall time from an order intent reaching the gateway to the broker acknowledging its last slice (sent intents only)',
    labelNames: ['path'],
    buckets: ACK_BUCKETS,
    registers: [this.registry],
  });
  private readonly denials = new Counter({
    name: 'mcube_risk_denials_total',
    help: 'Risk-check denials by the gateway, by code (a denial with several codes counts once under each)',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'mcube_job_duration_seconds',
    help: 'Wall time one job run took, by job name and outcome (done, skipped, failed)',
    labelNames: ['job', 'outcome'],
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  private readonly jobLag = new Histogram({
    name: 'mcube_job_lag_seconds',
    help: 'Wall time a job waited between becoming due and starting its first attempt, by job name',
    labelNames: ['job'],
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'mcube_' });
  }

  /** An order intent the gateway sent, acknowledged by the broker after `ms` (wall). */
  intentAcked(path: 'submit' | 'entry', ms: number): void {
    this.intentToAck.observe({ path }, ms / 1000);
  }

  /** A gateway denial and every code it carried. */
  denied(codes: readonly string[]): void {
    for (const code of new Set(codes)) this.denials.inc({ code });
  }

  jobFinished(run: { name: string; outcome: string; durationMs: number; lagMs?: number }): void {
    this.jobDuration.observe({ job: run.name, outcome: run.outcome }, run.durationMs / 1000);
    if (run.lagMs !== undefined) this.jobLag.observe({ job: run.name }, run.lagMs / 1000);
  }

  /** Adds a gauge whose values `collect` sets at each scrape (it starts empty every time). */
  addGauge(name: string, help: string, labelNames: readonly string[], collect: GaugeCollect): void {
    new Gauge({
      name,
      help,
      labelNames: [...labelNames],
      registers: [this.registry],
      async collect() {
        this.reset();
        await collect(this);
      },
    });
  }

  /** The exposition text (Prometheus text format 0.0.4). */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
