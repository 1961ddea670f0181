import 'reflect-metadata';
import { runServiceCommand } from '@onewindow/platform';
import { identityService } from './identity.service';

void runServiceCommand(identityService, process.argv.slice(2));
