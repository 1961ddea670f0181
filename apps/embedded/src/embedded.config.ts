import { Env } from '@onewindow/platform';
import { IsBoolean, IsString, MinLength } from 'class-validator';

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
}
