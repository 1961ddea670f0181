import 'reflect-metadata';
import { runServiceCommand } from '@onewindow/platform';
import { approvalService } from './approval.service';

void runServiceCommand(approvalService, process.argv.slice(2));
