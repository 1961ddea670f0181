import { Env } from '@onewindow/platform';
import { IsBoolean, IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/** The one-process embedded default: where its data lives, and whether to start afresh. */
export class EmbeddedConfig {
  /** PGlite data of every service, kept across restarts. */
  @Env('ONEWINDOW_DATA_DIR')
  @IsString()
  @MinLength(1)
  dataDir: string = '.data/embedded';

  /** Delete the data folder before starting (also `npm start -- --reset`). */
  @Env('ONEWINDOW_RESET')
  @IsBoolean()
  reset: boolean = false;

  /** Load the demo catalogue into an empty database. */
  @Env('SEED_DEMO_DATA')
  @IsBoolean()
  seedDemoData: boolean = true;

  /** Added to every service's port (3001–3004); tests use it to run beside a developer's platform. */
  @Env('ONEWINDOW_PORT_OFFSET')
  @IsInt()
  @Min(0)
  @Max(60_000)
  portOffset: number = 0;
}
