import type { Page } from '@onewindow/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Which page of a list to read: the platform's paging query, as the repositories take it. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of an ordered query with the total it pages through: every list of approval is read here, in the platform's one page shape. */
export async function readPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, request: PageRequest): Promise<Page<T>> {
  const [items, total] = await query.skip((request.page - 1) * request.pageSize).take(request.pageSize).getManyAndCount();
  return { items, total, page: request.page, pageSize: request.pageSize };
}
