import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { insertFirst } from '../persistence/insert-first';
import { WebhookNonce } from './webhook-nonce.entity';

/** The nonces of signed webhook calls (随机数), kept for as long as a replay of their call could still pass the time window. */
@Injectable()
export class WebhookNonceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the nonce as seen; false when the adapter's caller used it before (a replay). */
  async recordFirstUse(adapterId: string, nonce: string, seenAt: Date): Promise<boolean> {
    return insertFirst(this.dataSource.manager, WebhookNonce, { adapterId, nonce, seenAt }, 'nonce');
  }

  /** Forgets the adapter's nonces seen before `before`. */
  async forgetSeenBefore(adapterId: string, before: Date): Promise<void> {
    await this.dataSource.getRepository(WebhookNonce).delete({ adapterId, seenAt: LessThan(before) });
  }
}
