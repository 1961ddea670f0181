import { Module } from '@nestjs/common';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

/** 预约办理: window visits booked ahead. */
@Module({ controllers: [AppointmentsController], providers: [AppointmentsService, AppointmentRepository] })
export class AppointmentsModule {}
