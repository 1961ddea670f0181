import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsChinesePhone } from '@onewindow/domain';
import { CurrentUser, DomainError, PageOf, PageQuery, Public, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApplicationQueries } from '../applications/application-queries';
import { RatingsService } from '../ratings/ratings.service';
import { buildMyApplication, buildProgress, provesApplicant } from './progress';
import { MyApplicationView, ProgressView } from './progress.view';

class ProgressQuery {
  @ApiProperty({ title: '受理编号', example: 'YC20260305000123', description: '受理编号' })
  @Matches(/^YC\d{14}$/, { message: '受理编号格式应为YC加14位数字' })
  number!: string;

  @ApiPropertyOptional({ title: '申请人证件号码', description: '申请人身份证号码或统一社会信用代码' })
  @IsOptional()
  @IsString()
  @MaxLength(18, { message: '证件号码为18位' })
  identifier?: string;

  @ApiPropertyOptional({ title: '手机号码', description: '申请时留的手机号码' })
  @IsOptional()
  @IsChinesePhone()
  phone?: string;

  @ApiPropertyOptional({ title: '手机号码后4位', description: '申请时留的手机号码的后4位', example: '2345' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '请填写手机号码的后4位数字' })
  phoneTail?: string;
}

/** 办件进度查询: the applicant follows an application by its number plus ID or phone, without an account. */
@ApiTags('progress 进度查询')
@Controller('progress')
export class ProgressController {
  constructor(
    private readonly applications: ApplicationQueries,
    private readonly ratings: RatingsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Progress of one application, for the applicant (number + ID, phone or its last 4 digits)' })
  @ApiOkResponse({ type: ProgressView })
  async progress(@Query() query: ProgressQuery): Promise<ProgressView> {
    if (!query.identifier && !query.phone && !query.phoneTail) {
      throw DomainError.validation([{ path: 'phoneTail', code: 'PROOF_REQUIRED', message: '请填写手机号码后4位（或申请人证件号码）' }]);
    }
    // The same answer for an unknown number and a wrong proof: numbers cannot be probed.
    const application = await this.applications.provenByNumber(query.number, (candidate) => provesApplicant(candidate, query));
    const [notices, feedback] = await Promise.all([this.applications.notices(application.id), this.ratings.ofApplication(application.id)]);
    return buildProgress(application, notices, feedback);
  }

  @Get('mine')
  @ApiBearerAuth()
  @Roles('applicant')
  @ApiOperation({
    summary: '我的申报: the signed-in applicant’s applications and online pre-reviews, newest first',
    description:
      'Signed in by SMS code: every application whose contact or applicant phone is that phone, and those submitted in its sessions; by the province’s identity: those submitted under its subject.',
  })
  @ApiOkResponse({ type: PageOf(MyApplicationView) })
  async mine(@Query() query: PageQuery, @CurrentUser() applicant: AuthenticatedUser): Promise<Page<MyApplicationView>> {
    const page = await this.applications.ofApplicant(applicant, query);
    const items = await Promise.all(
      page.items.map(async (application) => {
        const [notices, feedback] = await Promise.all([
          this.applications.notices(application.id),
          this.ratings.ofApplication(application.id),
        ]);
        return buildMyApplication(application, notices, feedback);
      }),
    );
    return { ...page, items };
  }
}
