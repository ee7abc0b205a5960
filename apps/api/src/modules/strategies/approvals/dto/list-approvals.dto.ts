import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ApprovalStatus } from '../approval-request.entity';

const STATUSES: readonly ApprovalStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED'];

/** GET /api/approvals query: newest first; optionally one status, one account. */
export class ListApprovalsDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn([...STATUSES])
  status?: ApprovalStatus;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  accountId?: number;

  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}
