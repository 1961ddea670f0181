import { defineErrors } from '@onewindow/platform';

/** The bridge's refusals: its codes, their kinds (hence statuses) and Chinese messages. */
export const BRIDGE_ERRORS = defineErrors({
  ADAPTER_NOT_FOUND: { kind: 'not-found', message: ({ adapterId }: { adapterId: string }) => `适配器 ${adapterId} 不存在` },
  ADAPTERS_FILE_REFUSED: {
    kind: 'unprocessable',
    message: ({ problems }: { problems: number }) => `适配器配置文件有 ${problems} 处问题，未重新加载，仍按原配置运行`,
  },
  // Shared data sources (预填).
  LOOKUP_NOT_CONFIGURED: { kind: 'not-found', message: ({ keyName }: { keyName: string }) => `未配置按${keyName}调取数据的共享数据源` },
  SOURCE_UNAVAILABLE: {
    kind: 'upstream-failed',
    message: ({ source }: { source: string }) => `${source}暂时无法访问，请手工填写或稍后重试`,
  },
  NOT_FOUND_IN_SOURCE: {
    kind: 'not-found',
    message: ({ source, keyName, value }: { source: string; keyName: string; value: string }) =>
      `${source}中没有${keyName}为 ${value} 的记录，请核对或手工填写`,
  },
  SOURCE_DATA_INVALID: { kind: 'upstream-failed', message: ({ source }: { source: string }) => `${source}返回的数据无法转换，请手工填写` },
  PREFILL_NOT_FOUND: { kind: 'not-found', message: '预填记录不存在' },
  // Webhooks: what a department system is told when its call is not taken.
  WEBHOOK_NOT_FOUND: {
    kind: 'not-found',
    message: ({ adapterId, kind }: { adapterId: string; kind: string }) => `没有适配器 ${adapterId} 的 ${kind} 回调接口`,
  },
  ADAPTER_PAUSED: {
    kind: 'unavailable',
    message: ({ adapter, reason }: { adapter: string; reason: string | null }) =>
      `适配器 ${adapter} 正在维护（${reason ?? '暂停'}），请稍后重新投递`,
  },
  TOO_MANY_REFUSALS: {
    kind: 'too-many-requests',
    message: ({ retryAfterSeconds }: { retryAfterSeconds: number }) =>
      `该来源的回调请求近一分钟内被拒收次数过多，请在 ${retryAfterSeconds} 秒后重试`,
  },
  SIGNATURE_MISSING: {
    kind: 'unauthenticated',
    message: ({ headers }: { headers: readonly string[] }) => `缺少签名请求头（${headers.join('、')}）`,
  },
  SIGNATURE_INVALID: {
    kind: 'unauthenticated',
    message: ({ fault }: { fault: 'format' | 'mismatch' }) =>
      fault === 'format' ? '签名时间戳或随机数格式不正确' : '签名校验失败：请求内容被篡改或密钥不符',
  },
  TIMESTAMP_OUTSIDE_WINDOW: {
    kind: 'unauthenticated',
    message: ({ windowSeconds }: { windowSeconds: number }) => `请求时间戳超出允许的 ${windowSeconds} 秒时间窗，疑似重放，已拒绝`,
  },
  REPLAYED: { kind: 'conflict', message: '该请求的随机数已使用过，疑似重放，已拒绝' },
  RECORD_REFUSED: { kind: 'unprocessable', message: '部门数据未能转换为平台事件，已记入死信，未发布' },
});
