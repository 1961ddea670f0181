import type { RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page title (shown in the browser tab and the breadcrumb). */
    title?: string;
    /** Roles allowed on the page; signed-in roles only when absent. */
    roles?: readonly string[];
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** Where each role lands after signing in. */
export function homeOf(role: string | null | undefined): string {
  if (role === 'clerk') return '/window';
  if (role === 'approver') return '/back-office';
  return '/home';
}


/** Every page is its own chunk: the first load carries only the shell and the sign-in page. */
export const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('@/sign-in/SignInPage.vue'), meta: { title: '登录', public: true } },
  {
    path: '/',
    component: () => import('@/shell/ConsoleShell.vue'),
    children: [
      { path: '', name: 'root', redirect: () => '/home' },
      { path: 'home', name: 'home', component: () => import('@/home/RoleHome.vue'), meta: { title: '首页' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/shell/StatusPage.vue'), meta: { title: '无权访问' }, props: { kind: 'forbidden' } },
      { path: ':unknown(.*)*', name: 'not-found', component: () => import('@/shell/StatusPage.vue'), meta: { title: '页面不存在' }, props: { kind: 'not-found' } },
    ],
  },
];
