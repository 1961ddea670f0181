import { Body, Controller, Get, HttpCode, Module, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CaseRepositoryModule } from '../cases/case-repository.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { LicenceRepositoryModule } from './licence-repository.module';
import { LicenceView, toLicenceView } from './licence.view';
import { LicenceRepository } from './licence.repository';
import { LicencesService } from './licences.service';
import { RevokeLicencesWhenRequested } from './revoke-licences.handler';

class ListLicencesQuery extends PageQuery {
  @ApiPropertyOptional({ title: '持证人证件号码', description: '持证人证件号码或统一社会信用代码' })
  @IsOptional()
  @IsString()
  @MaxLength(18, { message: '证件号码不超过18位' })
  holder?: string;

  @ApiPropertyOptional({ title: '证照状态', enum: ['valid', 'revoked'] })
  @IsOptional()
  @IsIn(['valid', 'revoked'], { message: '证照状态只能是valid（有效）或revoked（已撤销）' })
  status?: 'valid' | 'revoked';
}

class RevokeLicenceDto {
  @ApiProperty({ title: '撤销理由', description: '撤销理由', example: '经核查，申请人承诺的经营场所不符合要求，承诺不实' })
  @IsString({ message: '理由必须是文字' })
  @MinLength(4, { message: '撤销许可必须写明理由' })
  @MaxLength(1000, { message: '理由不能超过1000字' })
  reason!: string;
}

@ApiTags('licences 电子证照')
@ApiBearerAuth()
@Controller('licences')
export class LicencesController {
  constructor(
    private readonly licences: LicencesService,
    private readonly licenceRepository: LicenceRepository,
  ) {}

  @Get()
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "The department's licences, newest first; filter by holder and status" })
  @ApiOkResponse({ type: PageOf(LicenceView) })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListLicencesQuery): Promise<Page<LicenceView>> {
    const page = await this.licenceRepository.list(user, {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.holder ? { holder: query.holder } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    return { ...page, items: page.items.map(toLicenceView) };
  }

  @Get(':id')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: 'One licence of the caller’s department' })
  @ApiOkResponse({ type: LicenceView })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<LicenceView> {
    return toLicenceView(await this.licenceRepository.getInScopeOrFail(user, id));
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: '撤销许可: revoke a licence with a reason; announced to supervision and intake' })
  @ApiOkResponse({ type: LicenceView })
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RevokeLicenceDto,
  ): Promise<LicenceView> {
    return toLicenceView(await this.licences.revokeByUser(user, id, body.reason.trim()));
  }
}

/** 电子证照: numbering, issue and revocation. */
@Module({
  imports: [CaseRepositoryModule, LicenceRepositoryModule, WorkflowModule],
  controllers: [LicencesController],
  providers: [LicencesService, RevokeLicencesWhenRequested],
  exports: [LicencesService],
})
export class LicencesModule {}
