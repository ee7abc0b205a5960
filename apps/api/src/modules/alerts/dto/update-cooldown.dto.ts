import { ApiProperty } from '@nestjs/swagger';
import { IsIntIn } from '../../../common/validation/validators';

/** PUT /api/alerts/cooldowns/:kind body (admin, audited): 0 = every repeat alerts; at most 7 days. */
export class UpdateCooldownDto {
  @ApiProperty({ example: 900 }) @IsIntIn(0, 7 * 86_400)
  cooldownSeconds!: number;
}
