import { Logger } from '@nestjs/common';
import { maskPhone } from '@onewindow/domain';

/** Sends one SMS; rejects when the gateway refuses or is unreachable (the dispatcher retries). */
export interface SmsSender {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** The default: writes the message to the log (phone masked). A real gateway implements `SmsSender`. */
export class LoggingSmsSender implements SmsSender {
  readonly name = 'log';
  private readonly logger = new Logger('SMS');

  async send(phone: string, text: string): Promise<void> {
    this.logger.log(`to ${maskPhone(phone)}: ${text}`);
  }
}
