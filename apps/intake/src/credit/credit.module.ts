import { Controller, Get, Module, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@onewindow/platform';
import { CreditEntryRepository } from './credit-entry.repository';
import { CreditStatusService } from './credit-status.service';
import { CreditStatusView } from './credit-status.view';
import { KeepCreditStatusWhenRecordPublished } from './keep-credit-status.handler';

@ApiTags('credit 信用状况')
@ApiBearerAuth()
@Controller('applicants/:identifier/credit')
export class CreditStatusController {
  constructor(private readonly credit: CreditStatusService) {}

  @Get()
  @Roles('clerk', 'admin', 'manager')
  @ApiOperation({ summary: '信用状况: may the applicant use 容缺受理 and 告知承诺? Active 失信 entries from supervision' })
  @ApiOkResponse({ type: CreditStatusView })
  status(@Param('identifier') identifier: string): Promise<CreditStatusView> {
    return this.credit.statusOf(identifier);
  }
}

/** The window's event-fed copy of applicants' credit status: a blacklisted applicant gets no 容缺 and no 告知承诺. */
@Module({
  controllers: [CreditStatusController],
  providers: [CreditStatusService, CreditEntryRepository, KeepCreditStatusWhenRecordPublished],
  exports: [CreditStatusService],
})
export class CreditModule {}
