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

  /** Where the console and the services' gateway listen (the services too). */
  @Env('HTTP_HOST')
  @IsString()
  @MinLength(1)
  host: string = '127.0.0.1';

  /** The console's one address: 3000 (plus the offset), the services behind it under /api/<service>/. */
  @Env('CONSOLE_PORT')
  @IsInt()
  @Min(0)
  @Max(65_535)
  consolePort: number = 3000;

  /** The built console (Vite output) the gateway serves. */
  @Env('ONEWINDOW_CONSOLE_DIR')
  @IsString()
  @MinLength(1)
  consoleDir: string = 'dist/console';

  /** Added to every port (console 3000, services 3001–3005); tests use it to run beside a developer's platform. */
  @Env('ONEWINDOW_PORT_OFFSET')
  @IsInt()
  @Min(0)
  @Max(60_000)
  portOffset: number = 0;
}
