import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiDocumentResponse, CurrentUser, Public, Roles, type AuthenticatedUser } from '@onewindow/platform';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { renderDecisionDocumentHtml } from './decision-document';
import { DocumentsService } from './documents.service';
import { LegalProfileRepository } from './legal-profile.repository';
import { LegalProfilesService } from './legal-profiles.service';
import { renderLicenceHtml, renderVerificationHtml } from './licence-document';
import {
  DecisionDocumentView,
  LegalProfileView,
  LicenceVerificationView,
  toDecisionDocumentView,
  toLegalProfileView,
  toLicenceVerificationView,
} from './documents.view';

class LegalProfileDto {
  @ApiProperty({ title: '行政机关全称', example: '聊城市东昌府区市场监督管理局', description: '作出决定的行政机关全称' })
  @IsString({ message: '请填写行政机关全称' })
  @Length(2, 100, { message: '行政机关全称应为2到100个字' })
  authorityName!: string;

  @ApiProperty({ title: '文书字号前缀', example: '东市监', description: '文书字号前缀：东市监 → 东市监许准〔2026〕15号' })
  @IsString({ message: '请填写文书字号前缀' })
  @Length(1, 20, { message: '文书字号前缀应为1到20个字' })
  documentPrefix!: string;

  @ApiProperty({ title: '行政复议机关', example: '聊城市东昌府区人民政府', description: '行政复议机关' })
  @IsString({ message: '请填写行政复议机关' })
  @Length(2, 100, { message: '行政复议机关应为2到100个字' })
  reviewAuthority!: string;

  @ApiProperty({ title: '管辖法院', example: '聊城市东昌府区人民法院', description: '行政诉讼管辖法院' })
  @IsString({ message: '请填写行政诉讼管辖法院' })
  @Length(2, 100, { message: '管辖法院应为2到100个字' })
  court!: string;

  @ApiPropertyOptional({ title: '地址', example: '聊城市东昌府区柳园南路88号' })
  @IsOptional()
  @IsString({ message: '地址必须是文字' })
  @MaxLength(200, { message: '地址不能超过200个字' })
  address?: string;

  @ApiPropertyOptional({ title: '联系电话', example: '0635-8456123' })
  @IsOptional()
  @Matches(/^[0-9-]{7,20}$/, { message: '联系电话格式不正确' })
  phone?: string;
}

class VerificationQuery {
  @ApiProperty({ title: '核验码', description: '证照二维码中的核验码' })
  @Matches(/^[A-Za-z0-9_-]{16}$/, { message: '核验码格式不正确，请重新扫描证照上的二维码' })
  code!: string;
}

@ApiTags('documents 决定书与证照')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly legalProfiles: LegalProfilesService,
    private readonly legalProfileRepository: LegalProfileRepository,
  ) {}

  @Get('cases/:id/decision-document')
  @Roles('approver', 'clerk', 'admin', 'manager')
  @ApiOperation({
    summary: '准予/不予行政许可决定书 of a decided case: number, applicant, item, decision, reasons and legal basis, remedies',
  })
  @ApiOkResponse({ type: DecisionDocumentView })
  async decisionDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DecisionDocumentView> {
    return toDecisionDocumentView(await this.documents.decisionDocument(user, id));
  }

  @Get('cases/:id/decision-document.html')
  @Roles('approver', 'clerk', 'admin', 'manager')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The decision document as a printable page (A4)' })
  @ApiDocumentResponse('text/html', 'The printable 决定书')
  async decisionDocumentHtml(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    return renderDecisionDocumentHtml(await this.documents.decisionDocument(user, id));
  }

  @Get('licences/:id/licence.html')
  @Roles('approver', 'clerk', 'admin', 'manager')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: '电子证照 as a printable page, with the QR code that verifies it' })
  @ApiDocumentResponse('text/html', 'The printable licence')
  async licenceHtml(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    const { document, qrSvg } = await this.documents.licenceDocument(user, id);
    return renderLicenceHtml(document, qrSvg);
  }

  @Get('departments/:code/legal-profile')
  @Roles('approver', 'admin', 'manager')
  @ApiOperation({ summary: "A department's legal profile: authority name, document prefix, 复议机关 and court" })
  @ApiOkResponse({ type: LegalProfileView })
  async legalProfile(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string): Promise<LegalProfileView> {
    return toLegalProfileView(await this.legalProfileRepository.getInScopeOrFail(user, code));
  }

  @Put('departments/:code/legal-profile')
  @Roles('admin')
  @ApiOperation({ summary: "Configure a department's legal profile (printed on its decision documents and licences)" })
  @ApiOkResponse({ type: LegalProfileView })
  async putLegalProfile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Body() body: LegalProfileDto,
  ): Promise<LegalProfileView> {
    return toLegalProfileView(await this.legalProfiles.put(user, code, body));
  }
}

/** 证照核验: what the QR code on a licence opens, without signing in. */
@ApiTags('documents 决定书与证照')
@ApiExtraModels(LicenceVerificationView)
@Controller('public/licences')
export class PublicLicencesController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':number')
  @Public()
  @ApiOperation({
    summary:
      'Verify a licence (valid / revoked / expired): an HTML page for a browser, JSON otherwise; no personal data beyond the licence',
  })
  @ApiOkResponse({
    description: 'The licence as the public may see it: JSON, or the verification page for a browser (Accept: text/html)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(LicenceVerificationView) } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  async verify(
    @Param('number') number: string,
    @Query() query: VerificationQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LicenceVerificationView | string> {
    const licence = await this.documents.verify(number, query.code);
    if (request.accepts(['html', 'json']) === 'html') {
      response.type('html');
      return renderVerificationHtml(licence);
    }
    return toLicenceVerificationView(licence);
  }
}
