import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsIstTime, OptionalNotNull } from '../../../../common/validation/validators';
import { IsIstDate } from '../../market/dto/market-query.validators';

/** Importance levels of an event. */
export const EVENT_IMPORTANCE = ['HIGH', 'MEDIUM', 'LOW'] as const;

/** Printable text: no control or invisible formatting characters (bidi overrides, NUL…). */
const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;
const PRINTABLE_MULTILINE = /^(?:[^\p{Cc}\p{Cf}]|[\r\n\t])*$/u;

/** POST /api/events body: an economic or market event on an IST date. */
export class CreateEconomicEventDto {
  @ApiProperty({ example: 'RBI monetary policy decision', minLength: 3, maxLength: 200 })
  @IsString() @MinLength(3) @MaxLength(200)
  @Matches(PRINTABLE, { message: 'title must not contain control or invisible formatting characters' })
  title!: string;

  @ApiProperty({ enum: EVENT_IMPORTANCE })
  @IsIn(EVENT_IMPORTANCE)
  importance!: (typeof EVENT_IMPORTANCE)[number];

  @ApiProperty({ example: '2026-12-05' })
  @IsString() @IsIstDate()
  eventDate!: string;

  @ApiPropertyOptional({ example: '10:00', nullable: true })
  @IsOptional() @IsString() @IsIstTime()
  eventTime?: string | null;

  @ApiPropertyOptional({ example: 'IN', default: 'IN' })
  @OptionalNotNull() @IsString() @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code (IN, US…)' })
  country?: string;

  @ApiPropertyOptional({ example: 'monetary-policy', nullable: true })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9 _-]{1,40}$/, { message: 'category must be 1-40 letters, digits, spaces, _ or -' })
  category?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  @Matches(PRINTABLE_MULTILINE, { message: 'description must not contain control or invisible formatting characters' })
  description?: string | null;
}

/** PUT /api/events/:id body: any subset of the fields of a new event (required ones never null). */
export class UpdateEconomicEventDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @OptionalNotNull() @IsString() @MinLength(3) @MaxLength(200)
  @Matches(PRINTABLE, { message: 'title must not contain control or invisible formatting characters' })
  title?: string;

  @ApiPropertyOptional({ enum: EVENT_IMPORTANCE })
  @OptionalNotNull() @IsIn(EVENT_IMPORTANCE)
  importance?: (typeof EVENT_IMPORTANCE)[number];

  @ApiPropertyOptional({ example: '2026-12-05' })
  @OptionalNotNull() @IsString() @IsIstDate()
  eventDate?: string;

  @ApiPropertyOptional({ example: '10:00', nullable: true })
  @IsOptional() @IsString() @IsIstTime()
  eventTime?: string | null;

  @ApiPropertyOptional({ example: 'IN' })
  @OptionalNotNull() @IsString() @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code (IN, US…)' })
  country?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9 _-]{1,40}$/, { message: 'category must be 1-40 letters, digits, spaces, _ or -' })
  category?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  @Matches(PRINTABLE_MULTILINE, { message: 'description must not contain control or invisible formatting characters' })
  description?: string | null;
}

/** GET /api/events query: events between two IST dates inclusive (default: all). */
export class ListEconomicEventsDto {
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional() @IsIstDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional() @IsIstDate()
  to?: string;
}
