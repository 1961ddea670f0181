export declare const KAFKA_VERSION: string;
export interface BrokerOptions {
  port?: number;
  controllerPort?: number;
  dataDir?: string;
  logFile?: string;
  heapMb?: number;
  partitions?: number;
  detached?: boolean;
  readyTimeoutMs?: number;
}
export interface RunningBroker {
  brokers: string;
  port: number;
  controllerPort: number;
  dataDir: string;
  pid: number;
  startedInMs: number;
  isRunning(): boolean;
  stop(timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
}
export declare function ensureKafkaDistribution(): string;
export declare function findFreePort(): Promise<number>;
export declare function startBroker(options?: BrokerOptions): Promise<RunningBroker>;
export declare function stopDetached(dataDir: string, timeoutMs?: number): Promise<boolean>;
export declare function isAlive(pid: number): boolean;
