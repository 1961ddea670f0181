import { BaseServiceConfig, Env } from '@onewindow/platform';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class BridgeConfig extends BaseServiceConfig {
  /**
   * The adapter configuration (YAML or JSON): department systems, transports, mapping specs and
   * look-ups. Unset outside production = the three simulated demo department systems and the demo
   * shared data sources, started by the bridge itself.
   */
  @Env('BRIDGE_ADAPTERS_FILE')
  @IsOptional()
  @IsString()
  @MinLength(1)
  adaptersFile?: string;

  /** Where the demo systems keep their files (file drop); defaults to a folder under the system's temp dir. */
  @Env('BRIDGE_DEMO_FOLDER')
  @IsOptional()
  @IsString()
  @MinLength(1)
  demoFolder?: string;

  /** The bridge's own kept files (screenshots and pages of failed browser steps); defaults to a folder under the system's temp dir. */
  @Env('BRIDGE_DATA_FOLDER')
  @IsOptional()
  @IsString()
  @MinLength(1)
  dataFolder?: string;

  /** How often pending deliveries are sent and department files and tables are read; 0 switches the workers off. */
  @Env('BRIDGE_POLL_INTERVAL_MS')
  @IsInt({ message: 'must be a whole number of milliseconds, 0 to switch the workers off' })
  @Min(0, { message: 'must be a whole number of milliseconds, 0 to switch the workers off' })
  @Max(3_600_000)
  pollIntervalMs: number = 1000;

  /** Refused webhook calls per adapter and source address in any sixty seconds before further calls are answered 429. */
  @Env('BRIDGE_WEBHOOK_REFUSALS_PER_MINUTE')
  @IsInt()
  @Min(1)
  @Max(100_000)
  webhookRefusalsPerMinute: number = 20;

  /** How often the minutes that are over are written as summary rows; 0: only before a reconciliation and at shutdown. */
  @Env('BRIDGE_WEBHOOK_REFUSAL_SUMMARY_MS')
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  webhookRefusalSummaryMs: number = 30_000;

  /** A delivery being sent is leased for this long; after a crash it is sent again once the lease ends. */
  @Env('BRIDGE_SEND_LEASE_MS')
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  sendLeaseMs: number = 120_000;
}
