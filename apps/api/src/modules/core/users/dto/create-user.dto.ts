import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '../../../../common/request-context/principal';

/** POST /api/users body (admin). */
export class CreateUserDto {
  @ApiProperty({ example: 'trader1', pattern: '^[a-z0-9._-]{3,64}$' })
  @IsString() @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3-64 characters of letters, digits, . _ -' })
  username!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 256 })
  @IsString() @MinLength(12) @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}
