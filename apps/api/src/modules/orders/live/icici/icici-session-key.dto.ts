import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** PUT /api/accounts/:id/icici-session body: the API session key from ICICI's login page (digits/letters). */
export class IciciSessionKeyDto {
  @ApiProperty({ description: "the day's API session key from ICICI's login page" })
  @IsString()
  @MinLength(4)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9]+$/, { message: 'sessionKey is the letters and digits ICICI shows after login' })
  sessionKey!: string;
}
