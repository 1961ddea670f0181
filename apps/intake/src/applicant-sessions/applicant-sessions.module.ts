import { Module } from '@nestjs/common';
import { IntakeEventsModule } from '../events/intake-events.module';
import { ApplicantSessionsController } from './applicant-sessions.controller';
import { ApplicantSessionsService } from './applicant-sessions.service';
import { SignInCodeRepository } from './sign-in-code.repository';

/** 申请人短信验证码登录 (applicants sign in with a one-time SMS code; no account). */
@Module({
  imports: [IntakeEventsModule],
  controllers: [ApplicantSessionsController],
  providers: [ApplicantSessionsService, SignInCodeRepository],
})
export class ApplicantSessionsModule {}
