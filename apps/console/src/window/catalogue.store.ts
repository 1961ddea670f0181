import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listBundles, listItems, type ServiceBundle, type ServiceItem } from '@/api/intake';
import { departmentsOf } from './catalogue-search';

const PAGE_SIZE = 100;

/**
 * The current catalogue (事项目录) as the window searches it, loaded once per session and shared
 * by the search page and the intake page.
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  const items = ref<ServiceItem[]>([]);
  const bundles = ref<ServiceBundle[]>([]);
  let loading: Promise<void> | null = null;

  const itemsByCode = computed(() => new Map(items.value.map((item) => [item.code, item])));
  const departments = computed(() => departmentsOf(items.value));

  async function loadAllItems(): Promise<ServiceItem[]> {
    const first = await listItems({ page: 1, pageSize: PAGE_SIZE });
    const pages = Math.ceil(first.total / PAGE_SIZE);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, index) => listItems({ page: index + 2, pageSize: PAGE_SIZE })),
    );
    return [first, ...rest].flatMap((page) => page.items);
  }

  function load(): Promise<void> {
    loading ??= Promise.all([loadAllItems(), listBundles()])
      .then(([loadedItems, loadedBundles]) => {
        items.value = loadedItems;
        bundles.value = loadedBundles;
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  }

  return { items, bundles, itemsByCode, departments, load };
});
