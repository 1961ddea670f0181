import { BaseServiceConfig } from '@onewindow/platform';

export class ApprovalConfig extends BaseServiceConfig {}
