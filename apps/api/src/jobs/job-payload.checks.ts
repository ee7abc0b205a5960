import { assertIsoDate, secondsOfDay } from '@mcube/domain';
import { isSecretKey } from '../common/logging/redaction';
import { JobPayloadError } from './job-errors';
import { ORDER_COMMAND_KINDS, type AlertDeliverPayload, type BacktestRunPayload, type OrderCommandActor, type OrderCommandKind, type OrderCommandPayload, type SlotPayload, type TickPayload } from './job-registry';

const SLOT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})$/;

function asRecord(job: string, payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new JobPayloadError(job, `payload must be an object, got ${payload === null ? 'null' : Array.isArray(payload) ? 'an array' : typeof payload}`);
  }
  return payload as Record<string, unknown>;
}

function onlyKeys(job: string, record: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(record).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new JobPayloadError(job, `unexpected payload field(s): ${extra.join(', ')}`);
}

/**
 * Throws JobPayloadError when any property, at any depth, has a secret's name (password,
 * token, key…): payloads sit in Redis and in logs, so they carry references, never secrets.
 */
export function assertNoSecrets(job: string, payload: unknown, path = 'payload'): void {
  if (typeof payload !== 'object' || payload === null) return;
  for (const [k, v] of Object.entries(payload)) {
    if (isSecretKey(k)) throw new JobPayloadError(job, `${path}.${k} looks like a secret; pass a reference instead`);
    assertNoSecrets(job, v, `${path}.${k}`);
  }
}

/** The ticker takes an empty object. */
export function checkTickPayload(payload: unknown): TickPayload {
  onlyKeys('schedule.tick', asRecord('schedule.tick', payload), []);
  return {};
}

/** A slot payload: `{ slot: 'YYYY-MM-DDTHH:MM:SS' }`, a real IST date and time, nothing else. */
export function checkSlotPayload(job: string, payload: unknown): SlotPayload {
  const record = asRecord(job, payload);
  onlyKeys(job, record, ['slot']);
  const match = typeof record['slot'] === 'string' ? SLOT.exec(record['slot']) : null;
  if (!match) throw new JobPayloadError(job, `slot must be an IST 'YYYY-MM-DDTHH:MM:SS', got ${JSON.stringify(record['slot'])}`);
  try {
    assertIsoDate(match[1]);
    secondsOfDay(match[2]);
  } catch (err) {
    throw new JobPayloadError(job, `slot ${match[0]} is not a real date and time (${err instanceof Error ? err.message : String(err)})`);
  }
  return { slot: match[0] };
}

/** `alerts.deliver`: a positive alert id, a channel name, a recipient (1-200 printable characters), an attempt 1-50. */
export function checkAlertDeliverPayload(payload: unknown): AlertDeliverPayload {
  const job = 'alerts.deliver';
  const record = asRecord(job, payload);
  onlyKeys(job, record, ['alertId', 'channel', 'recipient', 'attempt']);
  const { alertId, channel, recipient, attempt } = record;
  if (typeof alertId !== 'number' || !Number.isInteger(alertId) || alertId <= 0) throw new JobPayloadError(job, `alertId must be a positive integer, got ${JSON.stringify(alertId)}`);
  if (channel !== 'TELEGRAM' && channel !== 'EMAIL' && channel !== 'SMS') throw new JobPayloadError(job, `channel must be TELEGRAM, EMAIL or SMS, got ${JSON.stringify(channel)}`);
  if (typeof recipient !== 'string' || !/^[\x20-\x7e]{1,200}$/.test(recipient)) throw new JobPayloadError(job, 'recipient must be 1-200 printable characters');
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1 || attempt > 50) throw new JobPayloadError(job, `attempt must be an integer 1-50, got ${JSON.stringify(attempt)}`);
  return { alertId, channel, recipient, attempt };
}

/** `backtests.run`: a positive integer run id, nothing else. */
export function checkBacktestRunPayload(payload: unknown): BacktestRunPayload {
  const job = 'backtests.run';
  const record = asRecord(job, payload);
  onlyKeys(job, record, ['runId']);
  const { runId } = record;
  if (typeof runId !== 'number' || !Number.isInteger(runId) || runId <= 0) throw new JobPayloadError(job, `runId must be a positive integer, got ${JSON.stringify(runId)}`);
  return { runId };
}

const COMMAND_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** A forwarded REST order command: its id, a known kind, an object of arguments and a deadline. */
export function checkOrderCommandPayload(payload: unknown): OrderCommandPayload {
  const job = 'orders.command';
  const record = asRecord(job, payload);
  onlyKeys(job, record, ['commandId', 'kind', 'args', 'expiresAtWallMs', 'actor', 'correlationId']);
  const { commandId, kind, args, expiresAtWallMs, actor, correlationId } = record;
  if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) throw new JobPayloadError(job, `commandId must be 1-64 characters A-Z a-z 0-9 _ . -, got ${JSON.stringify(commandId)}`);
  if (typeof kind !== 'string' || !(ORDER_COMMAND_KINDS as readonly string[]).includes(kind)) throw new JobPayloadError(job, `kind must be one of ${ORDER_COMMAND_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  if (typeof expiresAtWallMs !== 'number' || !Number.isInteger(expiresAtWallMs) || expiresAtWallMs <= 0) throw new JobPayloadError(job, `expiresAtWallMs must be a positive integer, got ${JSON.stringify(expiresAtWallMs)}`);
  if (correlationId !== undefined && (typeof correlationId !== 'string' || correlationId.length > 200)) throw new JobPayloadError(job, 'correlationId must be a string of at most 200 characters');
  return { commandId, kind: kind as OrderCommandKind, args: asRecord(job, args), expiresAtWallMs, ...(actor === undefined ? {} : { actor: checkActor(job, actor) }), ...(correlationId === undefined ? {} : { correlationId }) };
}

/** A forwarded command's caller: who, with which role and how authenticated; never a credential. */
function checkActor(job: string, value: unknown): OrderCommandActor {
  const a = asRecord(job, value);
  onlyKeys(job, a, ['userId', 'username', 'role', 'via', 'apiKeyName']);
  const { userId, username, role, via, apiKeyName } = a;
  if (typeof userId !== 'number' || !Number.isSafeInteger(userId) || userId <= 0) throw new JobPayloadError(job, 'actor.userId must be a positive integer');
  if (typeof username !== 'string' || username.length === 0 || username.length > 200) throw new JobPayloadError(job, 'actor.username must be a string of 1-200 characters');
  if (role !== 'admin' && role !== 'trader' && role !== 'viewer') throw new JobPayloadError(job, 'actor.role must be admin, trader or viewer');
  if (via !== 'session' && via !== 'api-key') throw new JobPayloadError(job, 'actor.via must be session or api-key');
  if (apiKeyName !== undefined && typeof apiKeyName !== 'string') throw new JobPayloadError(job, 'actor.apiKeyName must be a string');
  return { userId, username, role, via, ...(apiKeyName === undefined ? {} : { apiKeyName }) };
}
