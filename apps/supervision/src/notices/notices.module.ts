import { Module, type DynamicModule } from '@nestjs/common';
import { CloseNoticesWhenLicenceRevoked } from './close-notices.handler';
import { CreateNoticesWhenLicenceIssued } from './create-notices.handler';
import { hoursNoticePolicy, NOTICE_POLICY } from './notice-policy';
import { NoticeWatch } from './notice-watch';
import { NoticeRepository } from './notice.repository';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** 审管互动: new licence holders announced to their supervisors, who acknowledge them; the late ones escalate. */
@Module({})
export class NoticesModule {
  static register(options: { acknowledgeWithinHours: number }): DynamicModule {
    return {
      module: NoticesModule,
      controllers: [NoticesController],
      providers: [
        NoticeRepository,
        NoticesService,
        NoticeWatch,
        CreateNoticesWhenLicenceIssued,
        CloseNoticesWhenLicenceRevoked,
        { provide: NOTICE_POLICY, useValue: hoursNoticePolicy(options.acknowledgeWithinHours) },
      ],
    };
  }
}
