import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { addDays, localDateInShanghai, type WorkingDayCalendar } from '@onewindow/domain';
import { Clock, DomainError, type Page } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { WORKING_DAY_CALENDAR } from '../intake.tokens';
import type { Appointment } from './appointment.entity';
import { AppointmentRepository } from './appointment.repository';
import { availability, BOOKING_HORIZON_DAYS, SLOT_CAPACITY, SLOTS, type SlotAvailability } from './opening-hours';
import { INTAKE_ERRORS } from '../intake-errors';

/** 预约办理: book a window visit for an item on a working day. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appointments: AppointmentRepository,
    private readonly catalogue: CatalogueRepository,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async slots(day: string, now = this.clock.now()): Promise<{ day: string; slots: SlotAvailability[] }> {
    this.refuseDay(day, now);
    const booked = await this.appointments.bookedPerSlot(day);
    return { day, slots: availability(booked, { isToday: day === localDateInShanghai(now), nowTime: shanghaiTime(now) }) };
  }

  async book(
    input: { day: string; slot: string; itemCode: string; applicantName: string; phone: string },
    now = this.clock.now(),
  ): Promise<Appointment> {
    this.refuseDay(input.day, now);
    if (!(SLOTS as readonly string[]).includes(input.slot)) {
      throw DomainError.validation([{ path: 'slot', code: 'NO_SUCH_SLOT', message: `可预约时段为 ${SLOTS.join('、')}` }]);
    }
    return this.dataSource.transaction(async (tx) => {
      const item = await this.catalogue.findItem({ code: input.itemCode }, tx);
      if (!item) throw DomainError.validation([{ path: 'itemCode', code: 'ITEM_NOT_FOUND', message: `事项编码“${input.itemCode}”不存在` }]);
      // One booking at a time per day, so neither the capacity nor the day's numbering races.
      await this.appointments.lockDay(tx, input.day);
      if (input.day === localDateInShanghai(now) && input.slot <= shanghaiTime(now)) {
        throw DomainError.validation([{ path: 'slot', code: 'SLOT_PAST', message: '该时段已过，请选择其他时段' }]);
      }
      const taken = await this.appointments.countBooked(tx, input.day, input.slot);
      if (taken >= SLOT_CAPACITY) throw INTAKE_ERRORS.SLOT_FULL(input);
      if (await this.appointments.isBookedBy(tx, input.phone, input.day, input.slot)) {
        throw INTAKE_ERRORS.ALREADY_BOOKED();
      }
      return this.appointments.insert(tx, {
        id: randomUUID(),
        number: await this.appointments.nextNumber(tx, input.day),
        day: input.day,
        slot: input.slot,
        itemCode: item.code,
        itemName: item.name,
        applicantName: input.applicantName,
        phone: input.phone,
        status: 'booked',
      });
    });
  }

  async cancel(number: string, phone: string): Promise<Appointment> {
    const appointment = await this.appointments.findByNumber(number, phone);
    if (!appointment) throw INTAKE_ERRORS.APPOINTMENT_NOT_FOUND({ lookup: 'by-number-and-phone' });
    if (appointment.status !== 'booked') return appointment;
    appointment.status = 'cancelled';
    return this.appointments.save(appointment);
  }

  async markArrived(id: string): Promise<Appointment> {
    const appointment = await this.appointments.find(id);
    if (!appointment) throw INTAKE_ERRORS.APPOINTMENT_NOT_FOUND({ lookup: 'by-id' });
    if (appointment.status === 'cancelled') throw INTAKE_ERRORS.APPOINTMENT_CANCELLED();
    appointment.status = 'arrived';
    return this.appointments.save(appointment);
  }

  async list(day: string, page: number, pageSize: number): Promise<Page<Appointment>> {
    return this.appointments.listOfDay(day, { page, pageSize });
  }

  private refuseDay(day: string, now: Date): void {
    const today = localDateInShanghai(now);
    if (day < today || day > addDays(today, BOOKING_HORIZON_DAYS)) {
      throw DomainError.validation([
        { path: 'day', code: 'DAY_OUT_OF_RANGE', message: `只能预约今天起${BOOKING_HORIZON_DAYS}天内的工作日` },
      ]);
    }
    const working = this.calendar.isWorkingDay(day);
    if (working === undefined) {
      throw DomainError.validation([
        { path: 'day', code: 'CALENDAR_YEAR_MISSING', message: `${day.slice(0, 4)}年的节假日安排尚未导入，暂不能预约` },
      ]);
    }
    if (!working) {
      throw DomainError.validation([{ path: 'day', code: 'NOT_A_WORKING_DAY', message: `${day} 不是工作日，政务服务中心不对外办公` }]);
    }
  }
}

function shanghaiTime(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}
