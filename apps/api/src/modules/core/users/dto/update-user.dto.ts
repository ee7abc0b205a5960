import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { OptionalNotNull } from '../../../../common/validation/validators';
import { Role, ROLES } from '../../../../common/request-context/principal';

/** PATCH /api/users/:id body (admin): change role and/or (de)activate. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @OptionalNotNull() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @OptionalNotNull() @IsBoolean()
  isActive?: boolean;
}
