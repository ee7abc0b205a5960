import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Matches } from 'class-validator';

/** PUT /api/strategy-configs/:id/entries-paused body: pause (true) or resume (false) new entries, and why. */
export class SetEntriesPausedDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  paused!: boolean;

  @ApiProperty({ example: 'RBI policy tomorrow' })
  @Matches(/^[\w .,:;()'/-]{3,200}$/, { message: '$property must be 3-200 plain characters' })
  reason!: string;
}
