import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CalendarImportResponse, CalendarStatusResponse, CalendarYearResponse, ImportRejectedResponse } from '@mcube/contracts';
import { istDateTimeOf, type Clock, type NseCalendar } from '@mcube/domain';
import type { Request, Response } from 'express';
import { Roles } from '../../../common/decorators/roles.decorator';
import { IsoDateParamPipe, YearParamPipe } from '../../../common/pipes/calendar-param.pipes';
import { correlationIdOf } from '../../../common/request-context/request-context';
import { NSE_CALENDAR } from '../source/market-data.tokens';
import { CalendarEditService, CalendarImportRejected } from './calendar-edit.service';
import { CalendarStore } from './calendar-store.service';
import { statusView, yearView } from './calendar-views';
import { ImportCalendarCsvDto, PutCalendarHolidayDto, PutCalendarSessionDto, PutCalendarYearDto } from './dto/calendar.dto';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/**
 * The NSE holiday calendar: its horizon and each year, read by every role; holidays, special
 * sessions, a year's list and NSE's CSV written by admins only (audited). Entering or importing
 * a year's list confirms the year and moves the horizon; withdrawing it moves the horizon back.
 */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly edits: CalendarEditService,
    private readonly store: CalendarStore,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
  ) {}

  /** Horizon, days left and the warning, from the market's today. */
  @Get('status')
  status(): CalendarStatusResponse {
    return statusView(this.calendar, istDateTimeOf(this.clock.nowMs()).date);
  }

  @Get('years/:year')
  year(@Param('year', YearParamPipe) year: string): CalendarYearResponse {
    return yearView(Number(year), this.store.stored, this.calendar);
  }

  @Put('years/:year')
  @Roles('admin')
  putYear(@Param('year', YearParamPipe) year: string, @Body() dto: PutCalendarYearDto): Promise<CalendarYearResponse> {
    return this.edits.replaceYear(Number(year), dto.holidays);
  }

  /** Withdraws an entered year's confirmation (its days are assumed again; entries are refused). */
  @Delete('years/:year')
  @Roles('admin')
  deleteYear(@Param('year', YearParamPipe) year: string): Promise<CalendarYearResponse> {
    return this.edits.unconfirmYear(Number(year));
  }

  @Put('holidays/:date')
  @Roles('admin')
  putHoliday(@Param('date', IsoDateParamPipe) date: string, @Body() dto: PutCalendarHolidayDto): Promise<CalendarYearResponse> {
    return this.edits.addHoliday(date, dto.name);
  }

  @Delete('holidays/:date')
  @Roles('admin')
  deleteHoliday(@Param('date', IsoDateParamPipe) date: string): Promise<CalendarYearResponse> {
    return this.edits.removeHoliday(date);
  }

  @Put('sessions/:date')
  @Roles('admin')
  putSession(@Param('date', IsoDateParamPipe) date: string, @Body() dto: PutCalendarSessionDto): Promise<CalendarYearResponse> {
    return this.edits.putSession(date, dto);
  }

  @Delete('sessions/:date')
  @Roles('admin')
  deleteSession(@Param('date', IsoDateParamPipe) date: string): Promise<CalendarYearResponse> {
    return this.edits.removeSession(date);
  }

  /** 201 with the year as imported, or 422 IMPORT_REJECTED listing every bad line (nothing written). */
  @Post('import')
  @Roles('admin')
  @HttpCode(201)
  async import(@Body() dto: ImportCalendarCsvDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CalendarImportResponse | ImportRejectedResponse> {
    try {
      return await this.edits.importCsv(dto.csv, dto.year);
    } catch (error) {
      if (!(error instanceof CalendarImportRejected)) throw error;
      res.status(422);
      return { code: 'IMPORT_REJECTED', message: error.message, errors: error.errors, correlationId: correlationIdOf(req) };
    }
  }
}
