import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The last page a list is read to: far beyond any real list, and small enough that the offset
 * (page × page size) stays a number the database counts to.
 */
export const MAX_PAGE = 1_000_000;

/** The largest whole number a PostgreSQL `integer` column holds (versions, sequence numbers). */
export const MAX_DATABASE_INTEGER = 2_147_483_647;

/** The one paging query of the platform: `?page=2&pageSize=50`. */
export class PageQuery {
  @ApiPropertyOptional({ title: '页码', default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ title: '每页条数', default: 20, minimum: 1, maximum: 100 })
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

/** Which page of a list a repository reads: the paging query's two numbers. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of an ordered query with the total it pages through, in the platform's one page shape. */
export async function readPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, request: PageRequest): Promise<Page<T>> {
  const [items, total] = await query
    .skip((request.page - 1) * request.pageSize)
    .take(request.pageSize)
    .getManyAndCount();
  return { items, total, page: request.page, pageSize: request.pageSize };
}
