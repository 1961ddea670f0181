import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import { now } from './clock';

/** The time now on the console's clock, refreshed every `everyMs` while the component is shown: for countdowns. */
export function useNow(everyMs = 30_000): Ref<Date> {
  const current = ref(now());
  let ticker: ReturnType<typeof setInterval> | undefined;
  onMounted(() => (ticker = setInterval(() => (current.value = now()), everyMs)));
  onBeforeUnmount(() => clearInterval(ticker));
  return current;
}
