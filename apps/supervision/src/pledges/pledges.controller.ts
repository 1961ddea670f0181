import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { ListVerificationsQuery, VerificationResultDto } from './pledges.dto';
import { PledgesService } from './pledges.service';

@ApiTags('pledge-verifications 告知承诺核查')
@ApiBearerAuth()
@Controller('pledge-verifications')
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Get()
  @Roles('supervisor', 'supervisor-head', 'admin', 'manager')
  @ApiOperation({ summary: "The department's pledge verification tasks (filter by status, overdue)" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListVerificationsQuery) {
    return this.pledges.list(user, {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
      ...(query.overdue ? { overdue: true } : {}),
    });
  }

  @Post(':id/result')
  @HttpCode(200)
  @Roles('supervisor', 'supervisor-head')
  @ApiOperation({ summary: '核查结果: true closes the task; false requests revocation and blacklists the holder' })
  verify(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: VerificationResultDto) {
    return this.pledges.verify(user, id, body);
  }
}
