import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@mcube/domain';
import type Redis from 'ioredis';
import { AppException } from '../../common/errors/app-exception';
import { loadIoredis } from '../../common/redis/load-ioredis';
import type { Principal } from '../../common/request-context/principal';
import { currentRequestContext, runAsPrincipal } from '../../common/request-context/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { HandlesJob } from '../../jobs/handles-job.decorator';
import { JOB_QUEUE, type JobQueue } from '../../jobs/job-queue.port';
import type { OrderCommandActor, OrderCommandKind, OrderCommandPayload } from '../../jobs/job-registry';
import { WALL_CLOCK } from '../../modules/core/clock/clock.token';
import { AccountLeases } from '../account-leases';
import { orderCommandReplyKey, replyOfError, unwrapReply, type OrderCommandReply } from './order-command-reply';

/** How long (wall ms) an `api` process waits for the worker's reply (`RolesModule` gives `DEFAULT_ORDER_COMMAND_TIMEOUT_MS`). */
export const ORDER_COMMAND_TIMEOUT_MS = Symbol('mcube:order-command-timeout-ms');
/** Long enough for a gateway pass on a loaded worker; short enough for a person at the console. */
export const DEFAULT_ORDER_COMMAND_TIMEOUT_MS = 15_000;
/** How often the API looks for the reply. */
const POLL_MS = 20;
/** How long a reply is kept in Redis (the API reads it within its timeout). */
const REPLY_TTL_S = 600;

/** Runs one order command in this process: the route's body, from validated args to its response. */
export type OrderCommandExecutor = (args: Record<string, unknown>) => Promise<unknown>;

/** The account a command acts for (undefined: none known, e.g. an unknown order, which the executor then refuses). */
export type OrderCommandAccountOf = (args: Record<string, unknown>) => Promise<number | undefined>;

/** What a timed-out command tells the client so it can look the order up or retry safely. */
export interface OrderCommandHandle {
  /** The idempotency key the order was sent with: a retry with it never makes a second order. */
  idempotencyKey?: string;
  /** The order a cancel was for. */
  orderId?: number;
}

/**
 * The one door of REST order commands to the gateway (issue 13, process roles). In `all` (and
 * without REDIS_URL, where a split is not supported) the command runs here. In an `api` process
 * with REDIS_URL it is forwarded to the worker as an `orders.command` job: the worker, which
 * owns the broker sessions and the paper book, runs it through the gateway and writes the reply
 * (the response, or the coded error with its status and details) to Redis, where this process
 * reads it. No reply within the timeout answers 504 ORDER_COMMAND_TIMEOUT with the idempotency
 * key (or order id): the order may or may not exist; a retry with the key is safe. The worker
 * drops a command it takes after the API stopped waiting, so no order is placed after a 504
 * unless its gateway pass had started in time (then the retry finds it by the key).
 */
@Injectable()
export class OrderCommands implements OnApplicationShutdown {
  private readonly logger = new Logger('OrderCommands');
  private readonly executors = new Map<OrderCommandKind, { execute: OrderCommandExecutor; accountOf?: OrderCommandAccountOf }>();
  private redis?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly leases: AccountLeases,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(ORDER_COMMAND_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /** Whether commands leave this process for the worker: an `api` role sharing Redis with it. */
  get forwards(): boolean {
    return this.config.jobs.role === 'api' && this.config.redisUrl !== undefined;
  }

  /**
   * Registers the executor of `kind` (the module that owns the route, at init); `accountOf` names
   * the account a forwarded command acts for, so only the worker holding its lease runs it.
   */
  register(kind: OrderCommandKind, execute: OrderCommandExecutor, accountOf?: OrderCommandAccountOf): void {
    if (this.executors.has(kind)) throw new Error(`order command ${kind} has two executors`);
    this.executors.set(kind, { execute, accountOf });
  }

  /** Runs the command here or at the worker; answers its response or throws its error. */
  async run<T>(kind: OrderCommandKind, args: Record<string, unknown>, handle: OrderCommandHandle = {}): Promise<T> {
    if (!this.forwards) return (await this.executorOf(kind).execute(args)) as T;
    const commandId = randomUUID();
    const expiresAtWallMs = this.wallClock.nowMs() + this.timeoutMs;
    const ctx = currentRequestContext();
    const actor = actorOf(ctx?.principal);
    await this.queue.enqueue('orders.command', { commandId, kind, args, expiresAtWallMs, ...(actor ? { actor } : {}), ...(ctx?.correlationId ? { correlationId: ctx.correlationId } : {}) });
    const reply = await this.awaitReply(commandId, expiresAtWallMs);
    if (!reply) {
      this.logger.warn(`order command ${kind} (${commandId}) got no reply from a worker within ${this.timeoutMs} ms`);
      throw new AppException(
        'ORDER_COMMAND_TIMEOUT',
        'The worker did not answer in time: the order may or may not have been placed. Look it up, or retry with the same idempotency key.',
        {},
        { commandId, ...handle },
      );
    }
    return unwrapReply<T>(reply);
  }

  /** The worker's side of `orders.command`: runs the command unless the API stopped waiting, and writes the reply. */
  @HandlesJob('orders.command')
  private async runForwarded(payload: OrderCommandPayload): Promise<void> {
    if (this.wallClock.nowMs() > payload.expiresAtWallMs) {
      this.logger.warn(`order command ${payload.kind} (${payload.commandId}) taken after its deadline: dropped, nothing sent`);
      return;
    }
    let reply: OrderCommandReply;
    try {
      // As the caller of the REST request (audit entries, kill-switch moves), as if it ran in the API.
      const run = () => this.executeOwned(payload);
      const { actor } = payload;
      const value = actor ? await runAsPrincipal({ ...actor, credentialId: `order-command:${payload.commandId}` }, payload.correlationId ?? payload.commandId, run) : await run();
      reply = { ok: true, value };
    } catch (err) {
      reply = replyOfError(err);
      if (reply.ok === false && reply.code === 'INTERNAL') this.logger.error(`order command ${payload.kind} (${payload.commandId}) failed: ${(err as Error).stack ?? String(err)}`);
    }
    await this.client().set(orderCommandReplyKey(this.config.jobs.queuePrefix, payload.commandId), JSON.stringify(reply), 'EX', REPLY_TTL_S);
  }

  private async awaitReply(commandId: string, untilWallMs: number): Promise<OrderCommandReply | undefined> {
    const key = orderCommandReplyKey(this.config.jobs.queuePrefix, commandId);
    for (;;) {
      // A Redis error is waited out like a missing reply: the timeout still bounds the wait.
      const raw = await this.client()
        .getdel(key)
        .catch(() => null);
      if (raw !== null) return JSON.parse(raw) as OrderCommandReply;
      if (this.wallClock.nowMs() >= untilWallMs) return undefined;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /**
   * Runs a forwarded command only in the worker that holds its account's lease (its broker
   * session and paper book): another worker refuses it SERVICE_UNAVAILABLE, nothing sent.
   */
  private async executeOwned(payload: OrderCommandPayload): Promise<unknown> {
    const { execute, accountOf } = this.executorOf(payload.kind);
    const accountId = accountOf ? await accountOf(payload.args) : undefined;
    if (accountId !== undefined && !(await this.leases.owns(accountId))) {
      throw new AppException('SERVICE_UNAVAILABLE', `account ${accountId} is served by another worker just now: nothing was sent, retry with the same idempotency key`);
    }
    return execute(payload.args);
  }

  private executorOf(kind: OrderCommandKind): { execute: OrderCommandExecutor; accountOf?: OrderCommandAccountOf } {
    const executor = this.executors.get(kind);
    if (!executor) throw new Error(`order command ${kind} has no executor`);
    return executor;
  }

  private client(): Redis {
    if (!this.redis) {
      this.redis = new (loadIoredis())(this.config.redisUrl as string, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

/** The caller's identity without its credential (session hash, CSRF token), for the worker. */
function actorOf(principal: Principal | undefined): OrderCommandActor | undefined {
  if (!principal) return undefined;
  return { userId: principal.userId, username: principal.username, role: principal.role, via: principal.via, ...(principal.apiKeyName === undefined ? {} : { apiKeyName: principal.apiKeyName }) };
}
