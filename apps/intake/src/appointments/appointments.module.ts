import { Module } from '@nestjs/common';
import { CatalogueRepositoryModule } from '../catalogue/catalogue-repository.module';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

/** 预约办理: window visits booked ahead. */
@Module({
  imports: [CatalogueRepositoryModule],
  controllers: [AppointmentsController],
  providers: [AppointmentsService, AppointmentRepository],
})
export class AppointmentsModule {}
