import { Body, Controller, Get, Global, Inject, Injectable, Logger, Module, Post, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  calendarWarning,
  checkCalendarYear,
  createWorkingDayCalendar,
  localDateInShanghai,
  type CalendarYearData,
  type WorkingDayCalendar,
} from '@onewindow/domain';
import { DataSource } from 'typeorm';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/roles';
import { Clock } from '../clock/clock';
import { HealthRegistry } from '../health/health';
import { DomainError } from '../http/domain-error';
import { MetricsService } from '../metrics/metrics.service';
import { CalendarYear } from './calendar-year.entity';

/** The working-day calendar (工作日): every deadline of the service is counted on it. */
export const WORKING_DAY_CALENDAR = Symbol('WORKING_DAY_CALENDAR');

/** Years an administrator loaded are kept in the service's own schema and applied at start-up. */
@Injectable()
export class CalendarYearsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Calendar');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    health: HealthRegistry,
    metrics: MetricsService,
  ) {
    // From 1 November a missing next year is a warning: ready stays up, the operator is told.
    health.registerWarning({ name: 'calendar', warning: () => this.warning() });
    metrics.addGauge(
      'onewindow_calendar_next_year_missing',
      "1 from 1 November while next year's working-day calendar is not loaded (or this year's is missing)",
      () => (this.warning() === null ? 0 : 1),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const stored = await this.dataSource.getRepository(CalendarYear).find({ order: { year: 'ASC' } });
    stored.forEach((row) => this.calendar.loadYear(row.data));
    if (stored.length) this.logger.log(`Loaded calendar years ${stored.map((row) => row.year).join(', ')} from the database`);
    const warning = this.warning();
    if (warning) this.logger.warn(warning);
  }

  /** What the operator must hear about the calendar today, or null. */
  warning(): string | null {
    return calendarWarning(this.calendar.loadedYears(), localDateInShanghai(this.clock.now()));
  }

  /** Checks the year completely (every problem with its path), applies it, and keeps it. */
  async load(data: CalendarYearData, by: AuthenticatedUser): Promise<{ year: number; loadedYears: number[] }> {
    const problems = checkCalendarYear(data);
    if (problems.length > 0)
      throw DomainError.validation(
        problems.map((p) => ({ path: p.path, code: 'CALENDAR_INVALID', message: p.message })),
        'unprocessable',
      );
    // Kept first, applied second: a failed save leaves this instance as it was. Other instances of
    // the service apply it when they start; every service that counts deadlines (intake, approval) needs it loaded.
    await this.dataSource.getRepository(CalendarYear).save({ year: data.year, data, loadedBy: by.id });
    this.calendar.loadYear(data);
    this.logger.log(`Calendar year ${data.year} loaded by ${by.id}`);
    return { year: data.year, loadedYears: this.calendar.loadedYears() };
  }

  loadedYears(): number[] {
    return this.calendar.loadedYears();
  }
}

export class LoadedYearsView {
  @ApiProperty({ type: [Number], example: [2024, 2025, 2026], description: 'Years whose holidays and make-up working days are known' })
  loadedYears!: number[];
}

export class CalendarYearLoadedView extends LoadedYearsView {
  @ApiProperty({ example: 2027 })
  year!: number;
}

@ApiTags('calendar 工作日历')
@Controller('calendar/years')
export class CalendarYearsController {
  constructor(private readonly years: CalendarYearsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Years whose holidays and make-up working days are loaded' })
  @ApiOkResponse({ type: LoadedYearsView })
  list(): LoadedYearsView {
    return { loadedYears: this.years.loadedYears() };
  }

  @Post()
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: 'Load (or replace) a year: { year, holidays: [{date,name}], makeUpWorkdays: [{date,name}] }' })
  @ApiCreatedResponse({ type: CalendarYearLoadedView })
  load(@Body() body: CalendarYearData, @CurrentUser() user: AuthenticatedUser): Promise<CalendarYearLoadedView> {
    return this.years.load(body, user);
  }
}

/** The calendar with the bundled years, plus what an administrator loaded. */
@Global()
@Module({
  controllers: [CalendarYearsController],
  providers: [{ provide: WORKING_DAY_CALENDAR, useFactory: () => createWorkingDayCalendar() }, CalendarYearsService],
  exports: [WORKING_DAY_CALENDAR],
})
export class WorkingDayCalendarModule {}
