import { MetricsService } from '@onewindow/platform';
import { Counter } from 'prom-client';

export const BRIDGE_METRICS = Symbol('BRIDGE_METRICS');

/** Per-adapter exchange counters on the service's /metrics. */
export interface BridgeMetrics {
  exchanged(adapterId: string, direction: string, status: string): void;
}

export function createBridgeMetrics(metrics: MetricsService): BridgeMetrics {
  const counter = new Counter({
    name: 'onewindow_bridge_exchanges_total',
    help: 'Exchanges with department systems and data sources, by adapter, direction and outcome',
    labelNames: ['adapter', 'direction', 'status'],
    registers: [metrics.registry],
  });
  return { exchanged: (adapter, direction, status) => counter.inc({ adapter, direction, status }) };
}
