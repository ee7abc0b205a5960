import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** GET /api/knowledge/search query. */
export class SearchKnowledgeDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500)
  q!: string;

  @ApiPropertyOptional({ default: 5, maximum: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20)
  limit?: number;
}
