import { AppException } from '../../../common/errors/app-exception';
import { ROLES, type Principal } from '../../../common/request-context/principal';
import type { OrderCommandAccountOf, OrderCommandExecutor } from '../../../roles/order-commands/order-commands.service';

/**
 * What the approval queue needs of the process roles' `OrderCommands`: whether this process
 * forwards decisions to the account's worker, the forwarding itself, and the registration of the
 * worker's side. Hand-built tests (one process) pass `ONE_PROCESS_APPROVALS`.
 */
export interface ApprovalCommandRoute {
  readonly forwards: boolean;
  run<T>(kind: 'approvals.approve' | 'approvals.reject', args: Record<string, unknown>): Promise<T>;
  register(kind: 'approvals.approve' | 'approvals.reject', execute: OrderCommandExecutor, accountOf?: OrderCommandAccountOf): void;
}

/** One process (the default `all` role): decisions run where they are taken. */
export const ONE_PROCESS_APPROVALS: ApprovalCommandRoute = {
  forwards: false,
  run: () => Promise.reject(new Error('a one-process approval queue forwards nothing')),
  register: () => undefined,
};

/**
 * The decider of a forwarded decision, rebuilt from the command's arguments (the API checked
 * the caller's role before forwarding; the worker checks the shape again, and a forwarded
 * command runs as that caller, so the audit entry names the person).
 */
export function principalOfActor(value: unknown): Principal {
  const a = (value ?? {}) as Record<string, unknown>;
  const role = ROLES.find((r) => r === a['role']);
  if (typeof a['userId'] !== 'number' || typeof a['username'] !== 'string' || !role || (a['via'] !== 'session' && a['via'] !== 'api-key')) {
    throw new AppException('VALIDATION_FAILED', ['a forwarded approval names no valid decider']);
  }
  return { userId: a['userId'], username: a['username'], role, via: a['via'], credentialId: 'forwarded-approval', ...(typeof a['apiKeyName'] === 'string' ? { apiKeyName: a['apiKeyName'] } : {}) };
}
