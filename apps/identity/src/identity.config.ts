import { BaseServiceConfig, Env } from '@onewindow/platform';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { PASSWORD_RULE, passwordProblems } from './passwords/password-policy';

export class IdentityConfig extends BaseServiceConfig {
  /** How long a sign-in lasts (the token's and the session cookie's lifetime): a working day by default. */
  @Env('SESSION_TTL_MINUTES')
  @IsInt()
  @Min(5)
  @Max(7 * 24 * 60)
  sessionTtlMinutes: number = 480;

  /** Wrong passwords in a row before the account is locked. */
  @Env('SIGN_IN_MAX_FAILURES')
  @IsInt()
  @Min(3)
  @Max(20)
  signInMaxFailures: number = 5;

  /** How long a locked account stays locked (an administrator may unlock it sooner). */
  @Env('SIGN_IN_LOCK_MINUTES')
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  signInLockMinutes: number = 15;

  /** Send the session cookie over HTTPS only; set it wherever the console is served over HTTPS. */
  @Env('SESSION_COOKIE_SECURE')
  @IsBoolean()
  sessionCookieSecure: boolean = false;

  /**
   * With no account at all, create the administrator `admin` with this password (to be changed at
   * first sign-in). How a production installation gets its first account; unset: none is created.
   */
  @Env('INITIAL_ADMIN_PASSWORD')
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  initialAdminPassword?: string;

  override crossFieldProblems(): string[] {
    const problems = super.crossFieldProblems();
    if (this.nodeEnv === 'production' && this.seedDemoData) {
      problems.push(
        'SEED_DEMO_DATA would create the demo accounts, whose password everyone knows: never in production (use INITIAL_ADMIN_PASSWORD for the first administrator)',
      );
    }
    if (this.initialAdminPassword) {
      const weak = passwordProblems(this.initialAdminPassword, 'admin');
      if (weak.length > 0) problems.push(`INITIAL_ADMIN_PASSWORD does not meet the password rule: ${PASSWORD_RULE}`);
    }
    return problems;
  }
}
