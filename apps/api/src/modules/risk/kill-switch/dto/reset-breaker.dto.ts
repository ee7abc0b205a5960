import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** POST /api/risk/breakers/:id/reset body: why the admin re-activates the account. */
export class ResetBreakerDto {
  @ApiProperty({ example: 'loss reviewed, limits unchanged' })
  @Matches(/^[\w .,:;()'/-]{3,200}$/, { message: '$property must be 3-200 plain characters' })
  note!: string;
}
