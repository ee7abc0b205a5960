import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsRealIsoDate } from '../../../../common/validation/iso-date';
import { IsIstTime, OptionalNotNull } from '../../../../common/validation/validators';

/** Printable one-line text: no control or invisible formatting characters. */
const PRINTABLE = /^[^\p{Cc}\p{Cf}]*$/u;

/** Longest holiday CSV accepted (a year's list is about 1 kB). */
export const MAX_HOLIDAY_CSV_CHARS = 20_000;

/** PUT /api/calendar/holidays/:date body. */
export class PutCalendarHolidayDto {
  @ApiProperty({ example: 'Republic Day', minLength: 2, maxLength: 120 })
  @IsString() @MinLength(2) @MaxLength(120) @Matches(PRINTABLE, { message: 'name must not contain control or invisible formatting characters' })
  name!: string;
}

/** PUT /api/calendar/sessions/:date body: a special trading session or a muhurat hour, IST. */
export class PutCalendarSessionDto {
  @ApiProperty({ enum: ['SPECIAL', 'MUHURAT'], description: 'SPECIAL: a trading day with these hours; MUHURAT: a holiday with a symbolic session' })
  @IsIn(['SPECIAL', 'MUHURAT'])
  kind!: 'SPECIAL' | 'MUHURAT';

  @ApiProperty({ example: 'Diwali Laxmi Pujan muhurat trading', minLength: 2, maxLength: 120 })
  @IsString() @MinLength(2) @MaxLength(120) @Matches(PRINTABLE, { message: 'name must not contain control or invisible formatting characters' })
  name!: string;

  @ApiProperty({ example: '18:00' })
  @IsString() @IsIstTime()
  open!: string;

  @ApiProperty({ example: '19:00' })
  @IsString() @IsIstTime()
  close!: string;
}

/** One holiday of a year's list. */
export class CalendarHolidayDto {
  @ApiProperty({ example: '2027-01-26' })
  @IsString() @IsRealIsoDate()
  date!: string;

  @ApiProperty({ example: 'Republic Day', minLength: 2, maxLength: 120 })
  @IsString() @MinLength(2) @MaxLength(120) @Matches(PRINTABLE, { message: 'name must not contain control or invisible formatting characters' })
  name!: string;
}

/** PUT /api/calendar/years/:year body: the year's whole holiday list as NSE publishes it. */
export class PutCalendarYearDto {
  @ApiProperty({ type: [CalendarHolidayDto], minItems: 1, maxItems: 60 })
  @IsArray() @ArrayMinSize(1, { message: 'holidays must list the year\'s holidays (NSE always has some)' }) @ArrayMaxSize(60) @IsObject({ each: true, message: 'each of holidays must be an object { date, name }' }) @ValidateNested({ each: true }) @Type(() => CalendarHolidayDto)
  holidays!: CalendarHolidayDto[];
}

/** POST /api/calendar/import body: NSE's "trading holidays" CSV of one year. */
export class ImportCalendarCsvDto {
  @ApiProperty({ example: '"Sr. No","Date","Day","Description"\n"1","26-Jan-2027","Tuesday","Republic Day"\n', maxLength: MAX_HOLIDAY_CSV_CHARS })
  @IsString() @MinLength(1) @MaxLength(MAX_HOLIDAY_CSV_CHARS)
  csv!: string;

  @ApiPropertyOptional({ example: 2027, description: 'When given, the file must list this year' })
  @OptionalNotNull() @IsInt() @Min(2000) @Max(2999)
  year?: number;
}
