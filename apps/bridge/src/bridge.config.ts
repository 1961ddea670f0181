import { BaseServiceConfig, Env } from '@onewindow/platform';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class BridgeConfig extends BaseServiceConfig {
  /**
   * The adapter configuration (YAML or JSON): department systems, transports, mapping specs and
   * look-ups. Unset: the simulated department systems' file when BRIDGE_DEMO_SYSTEMS is on, none otherwise.
   */
  @Env('BRIDGE_ADAPTERS_FILE')
  @IsOptional()
  @IsString()
  @MinLength(1)
  adaptersFile?: string;

  /**
   * Starts the simulated department systems (住建局, 市场监管局, 人社局 …) and the demo shared data
   * sources beside the bridge, with their routes under /demo, when no adapters file is given: for
   * the embedded default and tests, never in production.
   */
  @Env('BRIDGE_DEMO_SYSTEMS')
  @IsBoolean()
  demoSystems: boolean = false;

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

  override crossFieldProblems(): string[] {
    const problems = super.crossFieldProblems();
    if (this.demoSystems && this.nodeEnv === 'production')
      problems.push('BRIDGE_DEMO_SYSTEMS: the simulated department systems never run in production');
    return problems;
  }
}
