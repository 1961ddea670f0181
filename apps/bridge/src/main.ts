import 'reflect-metadata';
import { runServiceCommand } from '@onewindow/platform';
import { bridgeService } from './bridge.service';

void runServiceCommand(bridgeService, process.argv.slice(2));
