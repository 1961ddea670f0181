import { BaseServiceConfig } from '@onewindow/platform';

export class BridgeConfig extends BaseServiceConfig {}
