import type IORedis from 'ioredis';

/**
 * The ioredis client class, loaded on first use: only a deployment with REDIS_URL needs it, and
 * loading it (with BullMQ) at every boot was part of a 1.6 s cold start (issue 21).
 */
export function loadIoredis(): typeof IORedis {
  return (require('ioredis') as { default: typeof IORedis }).default;
}
