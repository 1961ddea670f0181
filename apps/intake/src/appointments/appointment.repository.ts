import { Injectable } from '@nestjs/common';
import type { Page } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { lockUntilCommit } from '@onewindow/persistence';
import { Appointment } from './appointment.entity';

/** The Appointment aggregate as intake stores it: bookings of window visits, one row each. */
@Injectable()
export class AppointmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** How many visits are booked in each slot of the day. */
  async bookedPerSlot(day: string): Promise<Map<string, number>> {
    const rows: Array<{ slot: string; count: number }> = await this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('a')
      .select('a.slot', 'slot')
      .addSelect('count(*)::int', 'count')
      .where('a.day = :day AND a.status = :status', { day, status: 'booked' })
      .groupBy('a.slot')
      .getRawMany();
    return new Map(rows.map((row) => [row.slot, Number(row.count)]));
  }

  /** One booking at a time per day, to the end of the transaction: neither the capacity nor the day's numbering races. */
  async lockDay(tx: EntityManager, day: string): Promise<void> {
    await lockUntilCommit(tx, `appointment:${day}`);
  }

  async countBooked(tx: EntityManager, day: string, slot: string): Promise<number> {
    return tx.count(Appointment, { where: { day, slot, status: 'booked' } });
  }

  async isBookedBy(tx: EntityManager, phone: string, day: string, slot: string): Promise<boolean> {
    return tx.exists(Appointment, { where: { phone, day, slot, status: 'booked' } });
  }

  /** The day's next appointment number (YY + date + a four-digit sequence); call under `lockDay`. */
  async nextNumber(tx: EntityManager, day: string): Promise<string> {
    const count = await tx.count(Appointment, { where: { day } });
    return `YY${day.replaceAll('-', '')}${String(count + 1).padStart(4, '0')}`;
  }

  async insert(tx: EntityManager, appointment: Omit<Appointment, 'createdAt'>): Promise<Appointment> {
    return tx.save(tx.create(Appointment, appointment));
  }

  async findByNumber(number: string, phone: string): Promise<Appointment | null> {
    return this.dataSource.getRepository(Appointment).findOne({ where: { number, phone } });
  }

  async find(id: string): Promise<Appointment | null> {
    return this.dataSource.getRepository(Appointment).findOne({ where: { id } });
  }

  async save(appointment: Appointment): Promise<Appointment> {
    return this.dataSource.getRepository(Appointment).save(appointment);
  }

  /** The day's bookings by slot, then in the order booked. */
  async listOfDay(day: string, request: { page: number; pageSize: number }): Promise<Page<Appointment>> {
    const [items, total] = await this.dataSource.getRepository(Appointment).findAndCount({
      where: { day },
      order: { slot: 'ASC', createdAt: 'ASC' },
      skip: (request.page - 1) * request.pageSize,
      take: request.pageSize,
    });
    return { items, total, page: request.page, pageSize: request.pageSize };
  }
}
