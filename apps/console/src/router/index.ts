import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useSessionStore } from '@/session/session.store';
import { homeOf, routes } from './routes';

const PLATFORM_TITLE = '一窗受理综合平台';

export function createConsoleRouter(pinia: Pinia): Router {
  const router = createRouter({ history: createWebHistory(), routes, scrollBehavior: () => ({ top: 0 }) });

  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    await session.restore();
    if (to.meta.public) return to.name === 'sign-in' && session.signedIn ? homeOf(session.role) : true;
    if (!session.signedIn) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    if (to.name === 'root' || (to.name === 'home' && homeOf(session.role) !== '/home')) return homeOf(session.role);
    if (to.meta.roles && !to.meta.roles.includes(session.role ?? '')) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${PLATFORM_TITLE}` : PLATFORM_TITLE;
  });

  return router;
}
