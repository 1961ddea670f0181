import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ApprovalConfig } from './approval.config';

/** The service's validated configuration, for the modules that need its settings. */
export const APPROVAL_CONFIG = Symbol('APPROVAL_CONFIG');

@Global()
@Module({})
export class ApprovalConfigModule {
  static with(config: ApprovalConfig): DynamicModule {
    return { module: ApprovalConfigModule, providers: [{ provide: APPROVAL_CONFIG, useValue: config }], exports: [APPROVAL_CONFIG] };
  }
}
