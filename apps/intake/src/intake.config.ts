import { BaseServiceConfig } from '@onewindow/platform';

export class IntakeConfig extends BaseServiceConfig {}
