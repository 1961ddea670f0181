import 'reflect-metadata';
import { runServiceCommand } from '@onewindow/platform';
import { intakeService } from './intake.service';

void runServiceCommand(intakeService, process.argv.slice(2));
