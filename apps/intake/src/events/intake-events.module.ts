import { Module } from '@nestjs/common';
import { IntakeEvents } from './intake-events';

/** The window's in-process domain events, shared by the use cases that record them and the modules that react. */
@Module({ providers: [IntakeEvents], exports: [IntakeEvents] })
export class IntakeEventsModule {}
