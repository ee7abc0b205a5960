import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/auth/password body. */
export class ChangePasswordDto {
  @ApiProperty({ format: 'password', maxLength: 256 })
  @IsString() @MinLength(1) @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 256 })
  @IsString() @MinLength(12) @MaxLength(256)
  newPassword!: string;
}
