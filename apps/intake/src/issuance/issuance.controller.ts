import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, MAX_DATABASE_INTEGER, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { ApplicationView, toApplicationView } from '../applications/application.view';
import { IssuanceService } from './issuance.service';

const PAYMENT_METHODS = ['cash', 'card', 'online', 'transfer'] as const;

class PaymentDto {
  @ApiProperty({ title: '缴费金额（分）', description: '金额（分）', example: 20000 })
  @IsInt({ message: '金额必须是整数（单位：分）' })
  @Min(1, { message: '金额必须大于0' })
  @Max(MAX_DATABASE_INTEGER)
  amountFen!: number;

  @ApiProperty({ title: '缴费方式', enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS, { message: '缴费方式只能是现金、刷卡、网上支付或转账' })
  method!: (typeof PAYMENT_METHODS)[number];

  @ApiProperty({ title: '票据号', description: '非税收入票据号' })
  @IsString({ message: '请填写票据号' })
  @Length(4, 40, { message: '票据号长度应为4到40位' })
  receiptNumber!: string;
}

class IssueDto {
  @ApiProperty({ title: '出件方式', enum: ['window', 'post'], description: '窗口领取 / 邮寄送达' })
  @IsIn(['window', 'post'], { message: '出件方式只能是窗口领取(window)或邮寄(post)' })
  method!: 'window' | 'post';

  @ApiPropertyOptional({ title: '邮寄单号', description: '邮寄单号（邮寄时必填）' })
  @ValidateIf((dto: IssueDto) => dto.method === 'post')
  @IsString({ message: '邮寄送达须填写邮寄单号' })
  @Length(6, 40, { message: '邮寄单号长度应为6到40位' })
  trackingNumber?: string;

  @ApiPropertyOptional({ title: '邮寄地址', description: '邮寄地址（邮寄时必填）' })
  @ValidateIf((dto: IssueDto) => dto.method === 'post')
  @IsString({ message: '邮寄送达须填写邮寄地址' })
  @Length(5, 200, { message: '邮寄地址长度应为5到200个字' })
  address?: string;

  @IsOptional()
  @IsString()
  note?: string;
}

@ApiTags('issuance 统一收费与出件')
@ApiBearerAuth()
@Controller('applications/:id')
@Roles('clerk')
export class IssuanceController {
  constructor(private readonly issuance: IssuanceService) {}

  @Post('payment')
  @HttpCode(200)
  @ApiOperation({ summary: '统一收费 Record the payment of the fee due (approved parts only)' })
  @ApiOkResponse({ type: ApplicationView })
  async pay(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PaymentDto,
    @CurrentUser() clerk: AuthenticatedUser,
  ): Promise<ApplicationView> {
    return toApplicationView(await this.issuance.recordPayment(id, body, clerk));
  }

  @Post('issuance')
  @HttpCode(200)
  @ApiOperation({ summary: '统一出件 Hand out or post the results; refused while a decision, a 容缺 material or a payment is outstanding' })
  @ApiOkResponse({ type: ApplicationView })
  async issue(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: IssueDto,
    @CurrentUser() clerk: AuthenticatedUser,
  ): Promise<ApplicationView> {
    return toApplicationView(
      await this.issuance.issue(
        id,
        {
          method: body.method,
          ...(body.trackingNumber ? { trackingNumber: body.trackingNumber } : {}),
          ...(body.address ? { address: body.address } : {}),
        },
        clerk,
      ),
    );
  }
}
