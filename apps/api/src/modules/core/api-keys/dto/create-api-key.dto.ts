import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { OptionalNotNull } from '../../../../common/validation/validators';
import { Role, ROLES } from '../../../../common/request-context/principal';

/** POST /api/api-keys body. */
export class CreateApiKeyDto {
  @ApiProperty({ example: 'nightly-report', maxLength: 100 })
  @IsString() @Matches(/^[\w .:-]{1,100}$/, { message: 'name must be 1-100 characters of letters, digits, space . _ : -' })
  name!: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Defaults to the caller role; never stronger.' })
  @OptionalNotNull() @IsIn(ROLES)
  role?: Role;
}
