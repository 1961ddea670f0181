import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { OpenCasesWhenApplicationAccepted } from './open-cases.handler';

/** 后台分类审批: each department's queue of cases and its decisions. */
@Module({
  controllers: [CasesController],
  providers: [CasesService, OpenCasesWhenApplicationAccepted],
})
export class CasesModule {}
