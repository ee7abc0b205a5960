import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { DecisionKind } from '../../entities/decision-journal-entry.entity';

/** Kinds a client may filter on (the contract's kinds). */
export const DECISION_KINDS: readonly DecisionKind[] = ['ENTRY', 'SKIP', 'EXIT', 'HOLD', 'ADJUST', 'ALERT', 'SCREEN', 'APPROVAL', 'VALIDATION'];

/** GET /api/decisions query: newest first; optionally one account, one IST day, one kind (or every kind but one). */
export class ListDecisionsDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  accountId?: number;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'IST trading date' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be an IST date YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ enum: DECISION_KINDS }) @IsOptional() @IsIn([...DECISION_KINDS])
  kind?: DecisionKind;

  /** Every kind but this one (ignored with `kind`): the timeline's pinned decisions without the HOLD heartbeats. */
  @ApiPropertyOptional({ enum: DECISION_KINDS }) @IsOptional() @IsIn([...DECISION_KINDS])
  exceptKind?: DecisionKind;

  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}
