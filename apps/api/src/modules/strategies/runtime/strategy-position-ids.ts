/**
 * The strategy names a position before the gateway has one ("1-KS-2026-11-23-…", chosen when
 * it decides to enter); the gateway's positions have numeric ids (the row reserved by the first
 * ENTRY leg). This map links the two, per process: the first leg's result teaches it, later
 * legs, unwinds and journal entries read it. A numeric string is a gateway id already.
 * In memory on purpose: the strategy's working entry lives in memory too, so both are lost
 * together on a restart (the account's ACTIVE position is the fallback for exits).
 */
export class StrategyPositionIds {
  private readonly ids = new Map<string, number>();

  /** Links a strategy position id to the gateway's position id. */
  remember(strategyId: string, positionId: number): void {
    this.ids.set(strategyId, positionId);
  }

  /** The gateway position id of `strategyId` (itself when numeric), or undefined when unknown. */
  gatewayIdOf(strategyId: string | undefined): number | undefined {
    if (strategyId === undefined) return undefined;
    if (/^[1-9]\d*$/.test(strategyId)) return Number(strategyId);
    return this.ids.get(strategyId);
  }
}
