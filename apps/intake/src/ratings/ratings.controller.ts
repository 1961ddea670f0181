import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsChinesePhone } from '@onewindow/domain';
import { CurrentUser, PageOf, PageQuery, Public, Roles, type AuthenticatedUser, type Page } from '@onewindow/platform';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { RATING_TEXT } from './rating.entity';
import { RatingReceiptView, RectificationView, toRectificationView } from './rating.view';
import { RatingsService } from './ratings.service';

class RateDto {
  @ApiProperty({ title: '受理编号', example: 'YC20260305000123' })
  @Matches(/^YC\d{14}$/, { message: '受理编号格式应为YC加14位数字' })
  number!: string;

  @ApiPropertyOptional({ title: '申请人证件号码', description: '申请人证件号码' })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  identifier?: string;

  @ApiPropertyOptional({ title: '手机号码', description: '申请时留的手机号码' })
  @IsOptional()
  @IsChinesePhone()
  phone?: string;

  @ApiPropertyOptional({ title: '手机号码后4位', description: '申请时留的手机号码的后4位', example: '2345' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '请填写手机号码的后4位数字' })
  phoneTail?: string;

  @ApiProperty({ title: '评价等级', description: '5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意', minimum: 1, maximum: 5 })
  @IsInt({ message: '评价等级必须是1到5的整数' })
  @Min(1, { message: '评价等级必须是1到5的整数' })
  @Max(5, { message: '评价等级必须是1到5的整数' })
  level!: number;

  @ApiPropertyOptional({ title: '评价内容', description: '评价内容（不满意、非常不满意时必填：写明原因，整改据此答复）' })
  // An unfavourable rating opens a rectification the department must answer: it needs the applicant's reason.
  @ValidateIf((rating: RateDto) => rating.level <= 2 || rating.comment !== undefined)
  @IsNotEmpty({ message: '评价“不满意”或“非常不满意”时，请写明原因' })
  @IsString()
  @MaxLength(500, { message: '评价内容不能超过500个字' })
  comment?: string;

  @ApiPropertyOptional({ title: '评价的部门', description: '评价的部门（一件事可指定）' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  departmentCode?: string;
}

class AnswerDto {
  @ApiProperty({ title: '整改答复', description: '整改情况答复' })
  @IsString({ message: '请填写整改答复' })
  @Length(5, 1000, { message: '整改答复长度应为5到1000个字' })
  answer!: string;
}

class ListRectificationsQuery extends PageQuery {
  @ApiPropertyOptional({ title: '整改状态', enum: ['open', 'answered', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'answered', 'closed'], { message: '状态只能是 open、answered 或 closed' })
  status?: 'open' | 'answered' | 'closed';
}

@ApiTags('ratings 好差评')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post('ratings')
  @Public()
  @ApiOperation({
    summary: '好差评 Rate an issued application (number + ID, phone or its last 4 digits); a follow-up rating closes a rectification',
  })
  @ApiCreatedResponse({ type: RatingReceiptView })
  async rate(@Body() body: RateDto): Promise<RatingReceiptView> {
    const { rating, rectification, closed } = await this.ratings.rate(body);
    return {
      id: rating.id,
      level: rating.level,
      levelText: RATING_TEXT[rating.level],
      department: rating.departmentName,
      message: closed
        ? '感谢您的再次评价，本次整改已办结。'
        : rectification
          ? `很抱歉给您带来不便，${rectification.departmentName}将于${rectification.dueDate}前答复整改情况。`
          : '感谢您的评价！',
    };
  }

  @Get('rectifications')
  @ApiBearerAuth()
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "差评整改 Rectifications of the caller's department, by due date" })
  @ApiOkResponse({ type: PageOf(RectificationView) })
  async list(@Query() query: ListRectificationsQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<RectificationView>> {
    const page = await this.ratings.list(user, {
      page: query.page,
      pageSize: query.pageSize,
      ...(query.status ? { status: query.status } : {}),
    });
    return { ...page, items: page.items.map(toRectificationView) };
  }

  @Post('rectifications/:id/answer')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('approver', 'admin')
  @ApiOperation({ summary: 'The department answers an unfavourable rating; the applicant is asked to rate again' })
  @ApiOkResponse({ type: RectificationView })
  async answer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AnswerDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RectificationView> {
    return toRectificationView(await this.ratings.answer(id, body.answer, user));
  }
}
