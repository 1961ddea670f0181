/**
 * The floor for the HTTP benchmark: a bare NestJS app (same Nest version and HTTP platform as the
 * services) with one endpoint that parses the same JSON body and answers 201, with no validation,
 * database or outbox. Run as its own process; prints its port.
 */
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class BareController {
  @Post('applications')
  @HttpCode(201)
  accept(@Body() body: { itemCodes?: string[] }) {
    return { id: randomUUID(), items: body.itemCodes?.length ?? 0 };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main() {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`PORT ${address.port}\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
}

void main();
