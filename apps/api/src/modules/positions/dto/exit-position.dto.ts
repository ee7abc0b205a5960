import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** POST /api/positions/:id/exit body: why the person closes it (kept with the position). */
export class ExitPositionDto {
  @ApiProperty({ example: 'manual exit: event risk' })
  @Matches(/^[\w .,:;()'/-]{3,200}$/, { message: '$property must be 3-200 plain characters' })
  reason!: string;
}
