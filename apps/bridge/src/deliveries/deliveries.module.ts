import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { QueueDeliveriesWhenApplicationAccepted } from './queue-deliveries.handler';

/** The delivery log of what must reach department systems. */
@Module({
  controllers: [DeliveriesController],
  providers: [QueueDeliveriesWhenApplicationAccepted],
})
export class DeliveriesModule {}
