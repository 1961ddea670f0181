import { Controller, Get, Module, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CreditService } from './credit.service';
import { HolderRecordRepository } from './holder-record.repository';
import { RecordSupervisionRecords } from './record-supervision-records.handler';
import { CaseCreditView } from './credit.view';

@ApiTags('credit 信用核查')
@ApiBearerAuth()
@Controller('cases/:id/credit')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get()
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "The applicant's penalties and credit records, before deciding (审管互动)" })
  @ApiOkResponse({ type: CaseCreditView })
  forCase(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CaseCreditView> {
    return this.credit.forCase(user, id);
  }
}

/** 审管互动, the returning half: supervision's records about applicants, read before approving. */
@Module({
  imports: [CaseRepositoryModule, DeadlinesModule],
  controllers: [CreditController],
  providers: [HolderRecordRepository, CreditService, RecordSupervisionRecords],
  exports: [CreditService],
})
export class CreditModule {}
