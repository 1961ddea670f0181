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
  if (role === 'supervisor' || role === 'supervisor-head') return '/supervision';
  if (role === 'manager') return '/management';
  return '/home';
}

const CLERK = ['clerk'] as const;
const APPROVER = ['approver'] as const;
const OPERATIONS = ['integrator', 'admin'] as const;
const SUPERVISOR = ['supervisor', 'supervisor-head'] as const;
const SUPERVISOR_HEAD = ['supervisor-head'] as const;
const MANAGEMENT = ['manager', 'admin'] as const;

/** Every page is its own chunk: the first load carries only the shell and the sign-in page. */
export const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('@/sign-in/SignInPage.vue'), meta: { title: '登录', public: true } },
  // 掌上政务大厅: the applicant's pages, no staff sign-in.
  {
    path: '/public',
    component: () => import('@/public/PublicShell.vue'),
    meta: { public: true },
    children: [
      { path: '', redirect: '/public/progress' },
      {
        path: 'progress',
        name: 'public-progress',
        component: () => import('@/public/ProgressPage.vue'),
        meta: { title: '办件查询', public: true },
      },
      {
        path: 'appointments',
        name: 'public-appointments',
        component: () => import('@/public/AppointmentPage.vue'),
        meta: { title: '预约办事', public: true },
      },
      {
        path: 'sign-in',
        name: 'public-sign-in',
        component: () => import('@/public/ApplicantSignInPage.vue'),
        meta: { title: '申请人登录', public: true },
      },
      {
        path: 'online',
        name: 'public-online',
        component: () => import('@/public/OnlineFilingPage.vue'),
        meta: { title: '网上申报', public: true },
      },
      {
        path: 'mine',
        name: 'public-mine',
        component: () => import('@/public/MyApplicationsPage.vue'),
        meta: { title: '我的申报', public: true },
      },
    ],
  },
  {
    path: '/',
    component: () => import('@/shell/ConsoleShell.vue'),
    children: [
      { path: '', name: 'root', redirect: () => '/home' },
      { path: 'home', name: 'home', component: () => import('@/home/RoleHome.vue'), meta: { title: '首页' } },
      {
        path: 'window',
        name: 'window-home',
        component: () => import('@/window/WindowHome.vue'),
        meta: { title: '窗口首页', roles: CLERK },
      },
      {
        path: 'window/start',
        name: 'window-start',
        component: () => import('@/window/StartService.vue'),
        meta: { title: '办件受理', roles: CLERK },
      },
      {
        path: 'window/new',
        name: 'window-new',
        component: () => import('@/window/ApplicationIntake.vue'),
        meta: { title: '收件受理', roles: CLERK },
      },
      {
        path: 'window/desk',
        name: 'window-desk',
        component: () => import('@/window/ClerkDesk.vue'),
        meta: { title: '我的工作台', roles: CLERK },
      },
      {
        path: 'window/hand-offs',
        name: 'window-hand-offs',
        component: () => import('@/window/HandOffs.vue'),
        meta: { title: '乡呼县应', roles: CLERK },
      },
      {
        path: 'window/applications/:id',
        name: 'window-application',
        component: () => import('@/window/ApplicationDetail.vue'),
        meta: { title: '办件详情', roles: CLERK },
        props: true,
      },
      {
        path: 'window/applications/:id/receipt',
        name: 'window-receipt',
        component: () => import('@/window/ReceiptPage.vue'),
        meta: { title: '受理回执', roles: CLERK },
        props: true,
      },
      {
        path: 'back-office',
        name: 'back-office-home',
        component: () => import('@/back-office/BackOfficeHome.vue'),
        meta: { title: '审批首页', roles: APPROVER },
      },
      {
        path: 'back-office/queue',
        name: 'back-office-queue',
        component: () => import('@/back-office/CaseQueue.vue'),
        meta: { title: '待办审批', roles: APPROVER },
      },
      {
        path: 'back-office/cases/:id',
        name: 'back-office-case',
        component: () => import('@/back-office/CasePage.vue'),
        meta: { title: '办件审批', roles: APPROVER },
        props: true,
      },
      {
        path: 'operations/adapters',
        name: 'operations-adapters',
        component: () => import('@/operations/AdaptersPage.vue'),
        meta: { title: '对接系统', roles: OPERATIONS },
      },
      {
        path: 'operations/exchange-log',
        name: 'operations-exchange-log',
        component: () => import('@/operations/ExchangeLogPage.vue'),
        meta: { title: '交换日志', roles: OPERATIONS },
      },
      {
        path: 'operations/dead-letters',
        name: 'operations-dead-letters',
        component: () => import('@/operations/DeadLettersPage.vue'),
        meta: { title: '死信处理', roles: OPERATIONS },
      },
      {
        path: 'operations/mapping-playground',
        name: 'operations-mapping-playground',
        component: () => import('@/operations/MappingPlaygroundPage.vue'),
        meta: { title: '映射调试', roles: OPERATIONS },
      },
      {
        path: 'operations/calendar',
        name: 'operations-calendar',
        component: () => import('@/operations/CalendarPage.vue'),
        meta: { title: '工作日历', roles: ['admin'] },
      },
      {
        path: 'operations/sign-ins',
        name: 'operations-sign-ins',
        component: () => import('@/operations/SignInAuditPage.vue'),
        meta: { title: '登录审计', roles: ['admin'] },
      },
      {
        path: 'catalogue',
        name: 'catalogue',
        component: () => import('@/catalogue/CataloguePage.vue'),
        meta: { title: '事项目录', roles: MANAGEMENT },
      },
      {
        path: 'catalogue/items/:code',
        name: 'catalogue-item',
        component: () => import('@/catalogue/CatalogueItemPage.vue'),
        meta: { title: '事项', roles: MANAGEMENT },
        props: true,
      },
      {
        path: 'supervision',
        name: 'supervision-notices',
        component: () => import('@/supervision/NoticeInbox.vue'),
        meta: { title: '监管告知', roles: SUPERVISOR },
      },
      {
        path: 'supervision/escalated',
        name: 'supervision-escalated',
        component: () => import('@/supervision/EscalatedNotices.vue'),
        meta: { title: '超时督办', roles: SUPERVISOR_HEAD },
      },
      {
        path: 'supervision/holders',
        name: 'supervision-holders',
        component: () => import('@/supervision/HolderPage.vue'),
        meta: { title: '监管记录', roles: SUPERVISOR },
      },
      {
        path: 'supervision/holders/:identifier',
        name: 'supervision-holder',
        component: () => import('@/supervision/HolderPage.vue'),
        meta: { title: '持证主体', roles: SUPERVISOR },
        props: true,
      },
      {
        path: 'supervision/pledges',
        name: 'supervision-pledges',
        component: () => import('@/supervision/PledgeTasks.vue'),
        meta: { title: '告知承诺核查', roles: SUPERVISOR },
      },
      {
        path: 'management',
        name: 'management-dashboard',
        component: () => import('@/management/ManagementDashboard.vue'),
        meta: { title: '电子监察', roles: MANAGEMENT },
      },
      {
        path: 'management/report',
        name: 'management-report',
        component: () => import('@/management/MonthlyReport.vue'),
        meta: { title: '月度报告', roles: MANAGEMENT },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/shell/StatusPage.vue'),
        meta: { title: '无权访问' },
        props: { kind: 'forbidden' },
      },
      {
        path: ':unknown(.*)*',
        name: 'not-found',
        component: () => import('@/shell/StatusPage.vue'),
        meta: { title: '页面不存在' },
        props: { kind: 'not-found' },
      },
    ],
  },
];
