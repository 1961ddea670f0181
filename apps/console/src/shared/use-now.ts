import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** The time now, refreshed every `everyMs` while the component is shown: for countdowns. */
export function useNow(everyMs = 30_000): Ref<Date> {
  const now = ref(new Date());
  let ticker: ReturnType<typeof setInterval> | undefined;
  onMounted(() => (ticker = setInterval(() => (now.value = new Date()), everyMs)));
  onBeforeUnmount(() => clearInterval(ticker));
  return now;
}
