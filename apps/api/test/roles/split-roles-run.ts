import type { Clock } from '@mcube/domain';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';
import { SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { SESSION_MS } from '../orders/gateway-harness';

/**
 * What an `api` app and a `worker` app of one split-role spec share: real Redis under a prefix of
 * this run (queues, leases, replies, events), the shared market data, and one wall clock at the
 * fixed session's morning moving with real time (the order-sync repeatable and the reply
 * timeout need time to pass).
 */
export function splitRolesRun(): { prefix: string; redisEnv: Record<string, string | undefined>; overrides: { provide: symbol; useValue: Clock }[] } {
  const prefix = uniquePrefix();
  const t0 = Date.now();
  const wall: Clock = { nowMs: () => SESSION_MS + (Date.now() - t0) };
  return {
    prefix,
    redisEnv: { REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix, MCUBE_SHARED_DATA: process.env['MCUBE_SHARED_DATA'] },
    overrides: [{ provide: WALL_CLOCK, useValue: wall }],
  };
}
