import { Module } from '@nestjs/common';
import { ApplicantSessionsController } from './applicant-sessions.controller';
import { ApplicantSessionsService } from './applicant-sessions.service';

/** 申请人短信验证码登录 (applicants sign in with a one-time SMS code; no account). */
@Module({
  controllers: [ApplicantSessionsController],
  providers: [ApplicantSessionsService],
})
export class ApplicantSessionsModule {}
