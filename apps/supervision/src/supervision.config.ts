import { Env, BaseServiceConfig } from '@onewindow/platform';
import { IsInt, Max, Min } from 'class-validator';

export class SupervisionConfig extends BaseServiceConfig {
  /** How long a supervising department has to acknowledge (认领) a new licence holder. */
  @Env('NOTICE_ACKNOWLEDGE_HOURS')
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  noticeAcknowledgeHours: number = 72;
}
