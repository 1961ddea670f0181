import { BaseServiceConfig, Env } from '@onewindow/platform';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

export class IntakeConfig extends BaseServiceConfig {
  /** 容缺受理: a missing material may be promised for at most this many calendar days after acceptance. */
  @Env('DEFICIENCY_DUE_WITHIN_DAYS')
  @IsInt({ message: 'must be a whole number of days from 1 to 365' })
  @Min(1, { message: 'must be a whole number of days from 1 to 365' })
  @Max(365, { message: 'must be a whole number of days from 1 to 365' })
  deficiencyDueWithinDays: number = 60;

  /** The applicant's sign-in cookie over HTTPS only (as identity's staff cookie): `true` wherever the console is served over HTTPS. */
  @Env('SESSION_COOKIE_SECURE')
  @IsBoolean()
  applicantCookieSecure: boolean = false;
}
