import { createHash } from 'node:crypto';
import { JobPayloadError } from './job-errors';
import { checkAlertDeliverPayload, checkBacktestRunPayload, checkOrderCommandPayload, checkSlotPayload, checkTickPayload } from './job-payload.checks';

/** Every queue. Each queue is processed serially (one job at a time) by each worker process. */
export const QUEUE_NAMES = ['schedule', 'market-data', 'positions', 'strategy', 'risk', 'analytics', 'alerts', 'backtests', 'brokers', 'order-sync', 'order-commands'] as const;

/** A queue name. */
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The ticker's payload: nothing, it reads the clock when it runs. */
export type TickPayload = Record<string, never>;

/** Payload of a scheduled job: the IST slot it stands for, `YYYY-MM-DDTHH:MM:SS`. */
export interface SlotPayload {
  slot: string;
}

/**
 * Payload of `alerts.deliver`: one attempt at one alert on one channel to one recipient (a chat
 * id, a phone number, the e-mail list), by reference; the message is rebuilt from the stored
 * alert. Each attempt is its own job (id ends with the attempt), scheduled by the handler with
 * the backoff or the provider's retry_after.
 */
export interface AlertDeliverPayload {
  alertId: number;
  channel: 'TELEGRAM' | 'EMAIL' | 'SMS';
  recipient: string;
  attempt: number;
}

/** Payload of `backtests.run`: the stored run (its request is in the `backtest_runs` row). */
export interface BacktestRunPayload {
  runId: number;
}

/** The REST order commands an `api` process forwards to the worker (issue 13): each runs there through the gateway. */
export const ORDER_COMMAND_KINDS = ['orders.submit', 'orders.entry', 'orders.cancel', 'positions.exit-leg', 'positions.exit', 'positions.exit-all-and-halt', 'approvals.approve', 'approvals.reject'] as const;

/** One kind of forwarded order command. */
export type OrderCommandKind = (typeof ORDER_COMMAND_KINDS)[number];

/**
 * Payload of `orders.command`: one REST order command forwarded by an `api` process. `args` are
 * the route's already validated inputs; the worker answers on `<prefix>:orders:reply:<commandId>`
 * and drops a command it takes after `expiresAtWallMs` (the API stopped waiting and answered 504).
 */
export interface OrderCommandPayload {
  commandId: string;
  kind: OrderCommandKind;
  args: Record<string, unknown>;
  expiresAtWallMs: number;
  /** Who sent it over REST (no credential): the worker runs it as them, so audit entries and kill-switch moves name the caller. */
  actor?: OrderCommandActor;
  /** The REST request's correlation id, kept on the worker's audit entries. */
  correlationId?: string;
}

/** The caller of a forwarded order command. */
export interface OrderCommandActor {
  userId: number;
  username: string;
  role: 'admin' | 'trader' | 'viewer';
  via: 'session' | 'api-key';
  apiKeyName?: string;
}

/** Every job and its payload type: the one list the drivers, handlers and schedule share. */
export interface JobPayloads {
  'schedule.tick': TickPayload;
  'brokers.order-sync': TickPayload;
  'market-data.snapshot': SlotPayload;
  'market-data.option-chain': SlotPayload;
  'positions.monitor': SlotPayload;
  'positions.pnl': SlotPayload;
  'strategy.kotak.evaluate-entry': SlotPayload;
  'strategy.kotak.exit-check': SlotPayload;
  'strategy.icici.screen': SlotPayload;
  'strategy.icici.exit-check': SlotPayload;
  'approvals.expire': SlotPayload;
  'risk.limits': SlotPayload;
  'risk.circuit-breakers': SlotPayload;
  'risk.calendar-horizon': SlotPayload;
  'analytics.daily-report': SlotPayload;
  'analytics.learning-update': SlotPayload;
  'alerts.deliver': AlertDeliverPayload;
  'backtests.run': BacktestRunPayload;
  'brokers.login': SlotPayload;
  'instruments.refresh': SlotPayload;
  'brokers.reconcile': SlotPayload;
  'brokers.icici-session-warning': SlotPayload;
  'brokers.icici-session-critical': SlotPayload;
  'orders.command': OrderCommandPayload;
}

/** A job name. */
export type JobName = keyof JobPayloads;

/** A job that stands for an IST slot of the schedule. */
export type ScheduledJobName = { [N in JobName]: JobPayloads[N] extends SlotPayload ? N : never }[JobName];

/** How one job is queued, retried, kept and checked. */
export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Total runs allowed (1 = no retry). */
  attempts: number;
  /** First retry delay; doubles on each further retry. */
  backoffMs: number;
  /** How long a finished job (and so its id, for dedup) is remembered. */
  keepSeconds: number;
  /** Returns the payload typed, or throws JobPayloadError naming what is wrong. */
  check(payload: unknown): JobPayloads[N];
  /** The deterministic job id (dedup key); undefined = the driver assigns one (ticker only). */
  jobId(payload: JobPayloads[N]): string | undefined;
}

const DAY = 86_400;
/** Job ids may not contain ':' in BullMQ, so slot times are written `HH.MM.SS`. */
const slotId = (name: string) => (p: SlotPayload) => `${name}@${p.slot.replace(/:/g, '.')}`;
const frequent = <N extends ScheduledJobName>(name: N, queue: QueueName): JobDefinition<N> => ({
  queue,
  attempts: 2,
  backoffMs: 500,
  keepSeconds: 3600,
  check: (p) => checkSlotPayload(name, p) as JobPayloads[N],
  jobId: slotId(name),
});
const daily = <N extends ScheduledJobName>(name: N, queue: QueueName): JobDefinition<N> => ({
  queue,
  attempts: 3,
  backoffMs: 5000,
  // Covers the after-close jobs' due window (to the next trading day's close, across a long weekend).
  keepSeconds: 6 * DAY,
  check: (p) => checkSlotPayload(name, p) as JobPayloads[N],
  jobId: slotId(name),
});

/**
 * THE job registry: every job with its queue, attempts, retention, payload check and job id.
 * Scheduled jobs are identified by their IST slot. Orders go through `OrdersService.submit`/
 * `submitEntry` in the caller's own run; the one job that carries an order is `orders.command`,
 * a REST command an `api` process forwards to the worker that owns the broker sessions.
 */
export const JOB_REGISTRY: { readonly [N in JobName]: JobDefinition<N> } = {
  'schedule.tick': { queue: 'schedule', attempts: 1, backoffMs: 0, keepSeconds: 600, check: checkTickPayload, jobId: () => undefined },
  // The order-sync pass (paper matching, settling, periodic reconciliation), a repeatable every 2 s at all hours, on
  // its own queue so a slow login or monitor never delays it; a missed pass is simply the next one (no retry).
  'brokers.order-sync': { queue: 'order-sync', attempts: 1, backoffMs: 0, keepSeconds: 60, check: (p) => checkTickPayload(p), jobId: () => undefined },
  'market-data.snapshot': frequent('market-data.snapshot', 'market-data'),
  'market-data.option-chain': frequent('market-data.option-chain', 'market-data'),
  'positions.monitor': frequent('positions.monitor', 'positions'),
  'positions.pnl': frequent('positions.pnl', 'positions'),
  'strategy.kotak.evaluate-entry': daily('strategy.kotak.evaluate-entry', 'strategy'),
  'strategy.kotak.exit-check': daily('strategy.kotak.exit-check', 'strategy'),
  'strategy.icici.screen': frequent('strategy.icici.screen', 'strategy'),
  'strategy.icici.exit-check': daily('strategy.icici.exit-check', 'strategy'),
  'approvals.expire': frequent('approvals.expire', 'strategy'),
  'risk.limits': frequent('risk.limits', 'risk'),
  'risk.circuit-breakers': frequent('risk.circuit-breakers', 'risk'),
  'risk.calendar-horizon': daily('risk.calendar-horizon', 'risk'),
  'analytics.daily-report': daily('analytics.daily-report', 'analytics'),
  'analytics.learning-update': daily('analytics.learning-update', 'analytics'),
  // Retries are new jobs the handler schedules (so a 429's retry_after is honoured): one run each.
  'alerts.deliver': {
    queue: 'alerts',
    attempts: 1,
    backoffMs: 0,
    keepSeconds: DAY,
    check: checkAlertDeliverPayload,
    jobId: (p) => `alerts.deliver@${p.alertId}.${p.channel}.${createHash('sha256').update(p.recipient).digest('hex').slice(0, 12)}.${p.attempt}`,
  },
  // A run is minutes of CPU in a child process: once (a failure is stored on the run), on its own queue.
  'backtests.run': {
    queue: 'backtests',
    attempts: 1,
    backoffMs: 0,
    keepSeconds: DAY,
    check: checkBacktestRunPayload,
    jobId: (p) => `backtests.run@${p.runId}`,
  },
  // Live broker sessions (issue 14): one queue, so logins, master loads and reconciliations of the owning worker never overlap.
  'brokers.login': daily('brokers.login', 'brokers'),
  'instruments.refresh': daily('instruments.refresh', 'brokers'),
  'brokers.reconcile': frequent('brokers.reconcile', 'brokers'),
  // The ICICI day's session key (issue 15): entered by a person; missing at 08:45 → WARNING, at 09:10 → CRITICAL.
  'brokers.icici-session-warning': daily('brokers.icici-session-warning', 'brokers'),
  'brokers.icici-session-critical': daily('brokers.icici-session-critical', 'brokers'),
  // A REST order command from an `api` process (issue 13): run once (a retry could be a second order;
  // the idempotency key makes the client's own retry safe), on its own queue so no slow job delays it.
  'orders.command': {
    queue: 'order-commands',
    attempts: 1,
    backoffMs: 0,
    keepSeconds: 600,
    check: checkOrderCommandPayload,
    jobId: (p) => `orders.command@${p.commandId}`,
  },
};

/** Every job name, in registry order. */
export const JOB_NAMES = Object.keys(JOB_REGISTRY) as JobName[];

/** Whether `name` is a registry job. */
export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_REGISTRY, name);
}

/** The definition of `name`; throws JobPayloadError for a name not in the registry. */
export function jobDefinition<N extends JobName>(name: N): JobDefinition<N> {
  if (!isJobName(name)) throw new JobPayloadError(String(name), 'is not a job of the registry');
  return JOB_REGISTRY[name] as unknown as JobDefinition<N>;
}

/** The dedup key of a job: the one place job ids are computed. */
export function jobIdOf<N extends JobName>(name: N, payload: JobPayloads[N]): string | undefined {
  return jobDefinition(name).jobId(payload);
}

/** The queue of every job. */
export function queueOf(name: JobName): QueueName {
  return jobDefinition(name).queue;
}
