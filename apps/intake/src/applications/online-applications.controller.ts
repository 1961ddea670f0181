import { Body, Controller, Get, Query, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, PageQuery, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { FileApplicationDto } from './accept-application.dto';
import { ApplicationQueries } from './application-queries';
import { FilingService } from './filing.service';
import { ApplicationView, toApplicationView } from './application.view';

/**
 * 网上申请: the applicant's own channel (signed in through the unified identity service, the
 * token's id being their ID number or credit code). A clerk pre-reviews each submission.
 */
@ApiTags('online 网上申请')
@ApiBearerAuth()
@Controller('online/applications')
@Roles('applicant')
export class OnlineApplicationsController {
  constructor(
    private readonly filing: FilingService,
    private readonly applications: ApplicationQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit online with uploaded materials (status `submitted`, awaiting pre-review)' })
  @ApiCreatedResponse({ type: ApplicationView })
  async submit(@Body() body: FileApplicationDto, @CurrentUser() applicant: AuthenticatedUser): Promise<ApplicationView> {
    return toApplicationView(await this.filing.submitOnline(body, applicant));
  }

  @Get()
  @ApiOperation({ summary: "The signed-in applicant's online applications" })
  @ApiOkResponse({ type: PageOf(ApplicationView) })
  async mine(@Query() query: PageQuery, @CurrentUser() applicant: AuthenticatedUser): Promise<Page<ApplicationView>> {
    const page = await this.applications.submittedOnlineBy(applicant, query);
    return { ...page, items: page.items.map(toApplicationView) };
  }
}
