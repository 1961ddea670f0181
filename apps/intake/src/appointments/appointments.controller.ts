import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsChinesePhone } from '@onewindow/domain';
import { IsCalendarDate, PageOf, PageQuery, Public, Roles, type Page } from '@onewindow/platform';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { AppointmentView, DaySlotsView, toAppointmentView } from './appointment.view';
import { AppointmentsService } from './appointments.service';

class DayQuery {
  @ApiProperty({ title: '日期', example: '2026-03-09' })
  @IsCalendarDate()
  day!: string;
}

class ListQuery extends PageQuery {
  @ApiProperty({ title: '日期', example: '2026-03-09' })
  @IsCalendarDate()
  day!: string;
}

class BookDto {
  @ApiProperty({ title: '预约日期', example: '2026-03-09' })
  @IsCalendarDate()
  day!: string;

  @ApiProperty({ title: '预约时段', example: '09:30' })
  @Matches(/^\d{2}:\d{2}$/, { message: '时段格式应为HH:MM' })
  slot!: string;

  @ApiProperty({ title: '办理事项', example: 'DCF-SCJG-XK-001' })
  @IsString({ message: '请选择办理事项' })
  @MaxLength(40)
  itemCode!: string;

  @ApiProperty({ title: '姓名', example: '王小明' })
  @IsString({ message: '请填写姓名' })
  @Length(1, 50, { message: '姓名长度应为1到50个字' })
  applicantName!: string;

  @ApiProperty({ title: '手机号码', example: '13706358888' })
  @IsChinesePhone()
  phone!: string;
}

class CancelDto {
  @ApiProperty({ title: '手机号码' })
  @IsChinesePhone()
  phone!: string;
}

@ApiTags('appointments 预约办理')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get('slots')
  @Public()
  @ApiOperation({ summary: 'Free places per half-hour slot on a working day' })
  @ApiOkResponse({ type: DaySlotsView })
  slots(@Query() query: DayQuery): Promise<DaySlotsView> {
    return this.appointments.slots(query.day);
  }

  @Post()
  @Public()
  @ApiOperation({ summary: 'Book a window visit; refused on non-working days and full slots' })
  @ApiCreatedResponse({ type: AppointmentView })
  async book(@Body() body: BookDto): Promise<AppointmentView> {
    return toAppointmentView(await this.appointments.book(body));
  }

  @Post(':number/cancel')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Cancel a booking by its number and the phone it was made with (idempotent)' })
  @ApiOkResponse({ type: AppointmentView })
  async cancel(@Param('number') number: string, @Body() body: CancelDto): Promise<AppointmentView> {
    return toAppointmentView(await this.appointments.cancel(number, body.phone));
  }

  @Get()
  @ApiBearerAuth()
  @Roles('clerk', 'admin')
  @ApiOperation({ summary: "The day's bookings, by slot" })
  @ApiOkResponse({ type: PageOf(AppointmentView) })
  async list(@Query() query: ListQuery): Promise<Page<AppointmentView>> {
    const page = await this.appointments.list(query.day, query.page, query.pageSize);
    return { ...page, items: page.items.map(toAppointmentView) };
  }

  @Post(':id/arrived')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('clerk')
  @ApiOperation({ summary: 'The applicant came to the window' })
  @ApiOkResponse({ type: AppointmentView })
  async arrived(@Param('id', new ParseUUIDPipe()) id: string): Promise<AppointmentView> {
    return toAppointmentView(await this.appointments.markArrived(id));
  }
}
