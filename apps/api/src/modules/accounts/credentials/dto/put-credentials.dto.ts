import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { OptionalNotNull } from '../../../../common/validation/validators';

const TOKEN = /^[\x21-\x7e]{1,256}$/;
const TOKEN_MESSAGE = (f: string) => `${f} must be 1-256 printable ASCII characters without spaces`;

/**
 * PUT /api/accounts/:id/credentials body: the full set of the account's broker fields
 * (Kotak: consumerKey, ucc, mobileNumber, totpSecret, mpin; ICICI: apiKey, apiSecret).
 * Write-only: no endpoint ever returns these values.
 */
export class PutCredentialsDto {
  @ApiPropertyOptional({ description: 'Kotak consumer key', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(TOKEN, { message: TOKEN_MESSAGE('consumerKey') })
  consumerKey?: string;

  @ApiPropertyOptional({ description: 'Kotak UCC (client code)', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(/^[A-Za-z0-9]{1,20}$/, { message: 'ucc must be 1-20 letters or digits' })
  ucc?: string;

  @ApiPropertyOptional({ description: 'Kotak registered mobile, +91XXXXXXXXXX', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(/^\+91\d{10}$/, { message: 'mobileNumber must be +91 followed by 10 digits' })
  mobileNumber?: string;

  @ApiPropertyOptional({ description: 'Kotak TOTP secret (base32)', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(/^[A-Za-z2-7]{16,128}=*$/, { message: 'totpSecret must be a base32 secret (16-128 characters A-Z, 2-7)' })
  totpSecret?: string;

  @ApiPropertyOptional({ description: 'Kotak trading MPIN', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(/^\d{4,6}$/, { message: 'mpin must be 4-6 digits' })
  mpin?: string;

  @ApiPropertyOptional({ description: 'ICICI Breeze API key', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(TOKEN, { message: TOKEN_MESSAGE('apiKey') })
  apiKey?: string;

  @ApiPropertyOptional({ description: 'ICICI Breeze API secret', writeOnly: true })
  @OptionalNotNull() @IsString() @Matches(TOKEN, { message: TOKEN_MESSAGE('apiSecret') })
  apiSecret?: string;
}
