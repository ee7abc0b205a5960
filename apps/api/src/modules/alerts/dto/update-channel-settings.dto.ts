import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { IsIstTime } from '../../../common/validation/validators';
import { ALERT_SEVERITIES, type AlertSeverity } from '../entities/alert.entity';

/** PUT /api/alerts/channels/:channel body: the whole routing of one channel (admin, audited). */
export class UpdateChannelSettingsDto {
  @ApiProperty() @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ enum: ALERT_SEVERITIES }) @IsIn([...ALERT_SEVERITIES])
  minSeverity!: AlertSeverity;

  /** IST 'HH:MM'; null with quietTo null = no quiet hours. */
  @ApiProperty({ nullable: true, example: '22:00' }) @ValidateIf((o: UpdateChannelSettingsDto) => o.quietFrom !== null || o.quietTo !== null) @IsIstTime()
  quietFrom!: string | null;

  @ApiProperty({ nullable: true, example: '07:00' }) @ValidateIf((o: UpdateChannelSettingsDto) => o.quietFrom !== null || o.quietTo !== null) @IsIstTime()
  quietTo!: string | null;
}
