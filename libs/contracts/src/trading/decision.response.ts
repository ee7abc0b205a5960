/** GET /api/decisions: one decision-journal entry (newest first). `inputs` is what the decision was made from. */
export interface DecisionResponse {
  id: number;
  accountId: number;
  strategyType: string;
  kind: 'ENTRY' | 'SKIP' | 'EXIT' | 'HOLD' | 'ADJUST' | 'ALERT' | 'SCREEN' | 'APPROVAL' | 'VALIDATION';
  decision: string;
  reasonCode: string | null;
  reason: string;
  positionId: number | null;
  inputs: Record<string, unknown>;
  occurredAtMs: number;
}
