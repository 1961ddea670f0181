import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageOf, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { ListVerificationsQuery, VerificationResultDto } from './pledges.dto';
import { PledgeVerificationView, toPledgeVerificationView } from './pledge-verification.view';
import { PledgesService } from './pledges.service';

@ApiTags('pledge-verifications 告知承诺核查')
@ApiBearerAuth()
@Controller('pledge-verifications')
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Get()
  @Roles('supervisor', 'supervisor-head', 'admin', 'manager')
  @ApiOperation({ summary: "The department's pledge verification tasks (filter by status, overdue)" })
  @ApiOkResponse({ type: PageOf(PledgeVerificationView) })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListVerificationsQuery): Promise<Page<PledgeVerificationView>> {
    const page = await this.pledges.list(user, {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
      ...(query.overdue ? { overdue: true } : {}),
    });
    return { ...page, items: page.items.map(toPledgeVerificationView) };
  }

  @Post(':id/result')
  @HttpCode(200)
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: '核查结果: true closes the task; false requests revocation and blacklists the holder' })
  @ApiOkResponse({ type: PledgeVerificationView })
  async verify(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VerificationResultDto,
  ): Promise<PledgeVerificationView> {
    return toPledgeVerificationView(await this.pledges.verify(user, id, body));
  }
}
