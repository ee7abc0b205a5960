import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** POST /api/knowledge/notes: a trader's note for the knowledge store (retrieved into prompts and onto approval cards). */
export class AddNoteDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MaxLength(200) @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({ maxLength: 5000 }) @IsString() @MaxLength(5000) @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10 }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(50, { each: true }) @Matches(/^[a-z0-9-]+$/, { each: true, message: 'tags are lower-case words (a-z 0-9 -)' })
  tags?: string[];
}
