import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The one paging query of the platform: `?page=2&pageSize=50`. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从1开始' })
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少1条' })
  @Max(100, { message: '每页最多100条' })
  pageSize: number = 20;
}

/** The one page shape of the platform. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
