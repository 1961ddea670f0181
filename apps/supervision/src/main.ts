import 'reflect-metadata';
import { runServiceCommand } from '@onewindow/platform';
import { supervisionService } from './supervision.service';

void runServiceCommand(supervisionService, process.argv.slice(2));
