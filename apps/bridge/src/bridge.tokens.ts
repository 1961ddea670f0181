import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { BridgeConfig } from './bridge.config';

/** The service's validated configuration, for the modules that need its settings. */
export const BRIDGE_CONFIG = Symbol('BRIDGE_CONFIG');

@Global()
@Module({})
export class BridgeConfigModule {
  static with(config: BridgeConfig): DynamicModule {
    return { module: BridgeConfigModule, providers: [{ provide: BRIDGE_CONFIG, useValue: config }], exports: [BRIDGE_CONFIG] };
  }
}
