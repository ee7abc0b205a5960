import type { DataSource } from 'typeorm';
import { writeVersionOf, type WriteVersion } from '../../../database/read-cache';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';

/**
 * The write counter the cached API keys and sessions are checked against: writes to users, API
 * keys and sessions only (what a principal is read from). Any other write (an order, a fill)
 * left them cached as they were, yet dropped them all, costing the next request two queries
 * (issue 21). Revocation and logout also drop them at once through `CredentialRevocations`.
 */
export function authWriteVersionOf(dataSource: DataSource): WriteVersion {
  return writeVersionOf(dataSource, [UserEntity, ApiKeyEntity, SessionEntity]);
}
