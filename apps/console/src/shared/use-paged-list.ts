import { ref, type Ref } from 'vue';
import type { Page } from '@/api/intake';
import { messageOf } from './notify';

/** A filtered, paged list of a page: its rows, total, paging, loading and the refusal to show. */
export interface PagedList<T> {
  rows: Ref<T[]>;
  total: Ref<number>;
  page: Ref<number>;
  pageSize: Ref<number>;
  loading: Ref<boolean>;
  problem: Ref<string>;
  /** Reads the current page. */
  load(): Promise<void>;
  /** Reads from the first page (new filters). */
  search(): void;
}

export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, pageSize = 20): PagedList<T> {
  const list: PagedList<T> = {
    rows: ref([]) as Ref<T[]>,
    total: ref(0),
    page: ref(1),
    pageSize: ref(pageSize),
    loading: ref(false),
    problem: ref(''),
    async load() {
      list.loading.value = true;
      list.problem.value = '';
      try {
        const result = await fetchPage(list.page.value, list.pageSize.value);
        list.rows.value = result.items;
        list.total.value = result.total;
      } catch (error) {
        list.problem.value = messageOf(error);
      } finally {
        list.loading.value = false;
      }
    },
    search() {
      list.page.value = 1;
      void list.load();
    },
  };
  return list;
}
