import type { EntityManager } from 'typeorm';
import { AlertCooldown } from '../entities/alert-cooldown.entity';
import { defaultCooldownSeconds } from './alert-kind';

/** The cooldown of `kind` in seconds: its stored row, else the built-in default. */
export async function cooldownSecondsOf(manager: EntityManager, kind: string): Promise<number> {
  const stored = await manager.findOne(AlertCooldown, { where: { kind } });
  return stored ? stored.cooldownSeconds : defaultCooldownSeconds(kind);
}
