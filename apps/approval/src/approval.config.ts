import { BaseServiceConfig, Env } from '@onewindow/platform';
import { IsInt, IsNumber, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { readRefusalLegalBases } from './decisions/refusal-grounds';
import { checkLicenceNumberTemplate } from './licences/licence-number';

export class ApprovalConfig extends BaseServiceConfig {
  /** 红绿灯: a case turns yellow when the working days left are within this share of the promised days. */
  @Env('DEADLINE_YELLOW_SHARE')
  @IsNumber({}, { message: 'must be a number between 0 and 1' })
  @Min(0, { message: 'must be a number between 0 and 1' })
  @Max(1, { message: 'must be a number between 0 and 1' })
  deadlineYellowShare: number = 0.3;

  /** 绿色通道: the target as a share of the promised working days (rounded up, at least one day). */
  @Env('GREEN_CHANNEL_SHARE')
  @IsNumber({}, { message: 'must be a number between 0.1 and 1' })
  @Min(0.1, { message: 'must be a number between 0.1 and 1' })
  @Max(1, { message: 'must be a number between 0.1 and 1' })
  greenChannelShare: number = 0.5;

  /** How often open cases are checked for a colour change (and their assignees reminded). */
  @Env('DEADLINE_WATCH_INTERVAL_MS')
  @IsInt({ message: 'must be a whole number of milliseconds, 0 to switch the watch off' })
  @Min(0, { message: 'must be a whole number of milliseconds, 0 to switch the watch off' })
  deadlineWatchIntervalMs: number = 60_000;

  /** 证照编号规则 for items without their own: {dept} {item} {yyyy} {seq:width}. */
  @Env('LICENCE_NUMBER_TEMPLATE')
  @IsString()
  licenceNumberTemplate: string = '{dept}-{yyyy}-{seq:6}';

  /**
   * Where the public can reach this service: the QR code on a licence links to
   * `<LICENCE_VERIFY_BASE_URL>/public/licences/<number>?code=…` (证照核验, no sign-in).
   */
  @Env('LICENCE_VERIFY_BASE_URL')
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be an http:// or https:// URL' })
  licenceVerifyBaseUrl: string = 'http://127.0.0.1:3002';

  /**
   * 不予许可: legal bases an item accepts besides a citation of a law by name and article (a
   * normative document without articles); YAML or JSON, item code (or `*`) → list of bases.
   */
  @Env('REFUSAL_LEGAL_BASES_FILE')
  @IsOptional()
  @IsString()
  @MinLength(1)
  refusalLegalBasesFile?: string;

  override crossFieldProblems(): string[] {
    const template = checkLicenceNumberTemplate(this.licenceNumberTemplate);
    const bases = readRefusalLegalBases(this.refusalLegalBasesFile).problems.map((problem) => `REFUSAL_LEGAL_BASES_FILE: ${problem}`);
    return [...super.crossFieldProblems(), ...(template ? [`LICENCE_NUMBER_TEMPLATE: ${template}`] : []), ...bases];
  }
}
