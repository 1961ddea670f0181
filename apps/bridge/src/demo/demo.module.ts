import { Module } from '@nestjs/common';
import { BridgeModule } from '../bridge.module';
import { DemoController } from './demo.controller';

/**
 * The simulated department systems' routes (/demo/department-systems: what reached them, acting
 * as them). Added to the bridge only with BRIDGE_DEMO_SYSTEMS, which production refuses.
 */
@Module({ imports: [BridgeModule], controllers: [DemoController] })
export class DemoModule {}
