import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { SupervisionConfig } from './supervision.config';

/** The service's validated configuration, for the modules that need its settings. */
export const SUPERVISION_CONFIG = Symbol('SUPERVISION_CONFIG');

@Global()
@Module({})
export class SupervisionConfigModule {
  static with(config: SupervisionConfig): DynamicModule {
    return { module: SupervisionConfigModule, providers: [{ provide: SUPERVISION_CONFIG, useValue: config }], exports: [SUPERVISION_CONFIG] };
  }
}
