import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from './pagination';

const pageClasses = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The OpenAPI schema of a page of `item`: `{ items, page, pageSize, total }`, one class per item
 * type (named `<Item>Page`), for `@ApiOkResponse({ type: PageOf(AccountView) })`.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as Type<Page<T>>;
  class PageOfItem implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ minimum: 1, example: 1 })
    page!: number;

    @ApiProperty({ minimum: 1, maximum: 100, example: 20 })
    pageSize!: number;

    @ApiProperty({ minimum: 0, description: 'Items matching the filters, on every page' })
    total!: number;
  }
  Object.defineProperty(PageOfItem, 'name', { value: `${item.name.replace(/(View|Response)$/, '')}Page` });
  pageClasses.set(item, PageOfItem);
  return PageOfItem;
}
