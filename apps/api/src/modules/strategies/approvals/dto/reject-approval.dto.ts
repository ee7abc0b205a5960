import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** POST /api/approvals/:id/reject body: why (required). */
export class RejectApprovalDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @MaxLength(500) @Matches(/\S/, { message: 'reason is required to reject' })
  reason!: string;
}
