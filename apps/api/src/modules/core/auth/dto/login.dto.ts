import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** POST /api/auth/login body. */
export class LoginDto {
  @ApiProperty({ example: 'admin', maxLength: 64 })
  @IsString() @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'username must be 1-64 characters of letters, digits, . _ -' })
  username!: string;

  @ApiProperty({ format: 'password', maxLength: 256 })
  @IsString() @MinLength(1) @MaxLength(256)
  password!: string;
}
