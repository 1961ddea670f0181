import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { maskResidentId } from '@onewindow/domain';
import { ApiDocumentResponse, Roles } from '@onewindow/platform';
import { ApplicationQueries } from '../applications/application-queries';
import type { Application } from '../applications/application.entity';
import { renderNoticeHtml, renderReceiptHtml } from './printable';
import { buildNotice, buildReceipt, type NoticeDocument, type Receipt } from './receipt';
import { NoticeView, ReceiptView } from './receipt.view';
import { INTAKE_ERRORS } from '../intake-errors';

/** 受理回执 and 一次性告知书, as JSON and as printable pages. */
@ApiTags('receipts 回执与告知')
@ApiBearerAuth()
@Controller('applications/:id')
@Roles('clerk', 'admin')
export class ReceiptsController {
  constructor(private readonly applications: ApplicationQueries) {}

  @Get('receipt')
  @ApiOperation({ summary: '受理回执 (JSON)' })
  @ApiOkResponse({ type: ReceiptView })
  async receipt(@Param('id', new ParseUUIDPipe()) id: string): Promise<Receipt> {
    return this.receiptOf(await this.applications.get(id));
  }

  @Get('receipt.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: '受理回执, printable' })
  @ApiDocumentResponse('text/html', 'A printable A4 page in Chinese')
  async receiptHtml(@Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    return renderReceiptHtml(this.receiptOf(await this.applications.get(id)));
  }

  @Get('notice')
  @ApiOperation({ summary: 'The latest 一次性告知书 (JSON)' })
  @ApiOkResponse({ type: NoticeView })
  async notice(@Param('id', new ParseUUIDPipe()) id: string): Promise<NoticeDocument> {
    return this.latestNotice(id);
  }

  @Get('notice.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The latest 一次性告知书, printable' })
  @ApiDocumentResponse('text/html', 'A printable A4 page in Chinese')
  async noticeHtml(@Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    return renderNoticeHtml(await this.latestNotice(id));
  }

  @Get('notices')
  @ApiOperation({ summary: 'Every one-time notice of the application, oldest first' })
  @ApiOkResponse({ type: [NoticeView] })
  async notices(@Param('id', new ParseUUIDPipe()) id: string): Promise<NoticeDocument[]> {
    const application = await this.applications.get(id);
    return (await this.applications.notices(id)).map((notice) => buildNotice(application, notice, maskResidentId));
  }

  private receiptOf(application: Application): Receipt {
    const receipt = buildReceipt(application, maskResidentId);
    if (!receipt) {
      throw INTAKE_ERRORS.NOT_ACCEPTED(application);
    }
    return receipt;
  }

  private async latestNotice(id: string): Promise<NoticeDocument> {
    const application = await this.applications.get(id);
    const notice = (await this.applications.notices(id)).at(-1);
    if (!notice) throw INTAKE_ERRORS.NO_NOTICE(application);
    return buildNotice(application, notice, maskResidentId);
  }
}
