import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ServiceContext } from '@onewindow/messaging';
import { pinoHttp } from 'pino-http';
import {
  childTraceContext,
  formatTraceparent,
  parseTraceparent,
  RequestContext,
  ServiceLogger,
  createServicePino,
  serviceLoggingParams,
} from '../index';

/** A destination that keeps the lines written to it. */
function captured(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('service logs (pino)', () => {
  it('writes one JSON line with the service, the context and the trace, masking ID and phone numbers', () => {
    const { lines, destination } = captured();
    const logger = createServicePino({ service: 'intake', destination });
    const trace = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    RequestContext.run({ requestId: 'req-1', trace: childTraceContext(trace) }, () => {
      logger.info({ context: 'Applications' }, '申请人 11010519491231002X 电话 13812345678 已受理');
    });
    expect(lines).toHaveLength(1);
    expect(parsed(lines)[0]).toMatchObject({
      level: 'info',
      service: 'intake',
      context: 'Applications',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      message: '申请人 110105********002X 电话 138****5678 已受理',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(lines[0]).not.toContain('11010519491231002X');
  });

  it('writes one readable line for a person at a terminal when asked for text, masked the same way', () => {
    const { lines, destination } = captured();
    const logger = createServicePino({ service: 'intake', format: 'text', destination });
    logger.warn({ context: 'Applications' }, '申请人 11010519491231002X 的材料已补齐');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: intake \[Applications\] 申请人 110105\*{8}002X 的材料已补齐/);
  });

  it('shares one readable stream among the services of a process', () => {
    const { lines, destination } = captured();
    createServicePino({ service: 'embedded', format: 'text', destination }).info('starting');
    const listeners = destination.listenerCount('close');
    for (const service of ['intake', 'approval', 'supervision', 'bridge', 'identity'])
      createServicePino({ service, format: 'text', destination }).info('ready');
    expect(lines).toHaveLength(6);
    expect(destination.listenerCount('close')).toBe(listeners);
  });

  it('masks personal data hidden in structured fields too', () => {
    const { lines, destination } = captured();
    createServicePino({ service: 'intake', destination }).warn({ idNumber: '11010519491231002X' }, 'lookup');
    expect(parsed(lines)[0]?.['idNumber']).toBe('110105********002X');
  });

  it('names the service whose work is in progress when several services share one process', async () => {
    const { lines, destination } = captured();
    const logger = createServicePino({ service: 'approval', destination });
    await ServiceContext.run('intake', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('from intake, after an await');
    });
    logger.info('outside any service');
    expect(parsed(lines).map((line) => line['service'])).toEqual(['intake', 'approval']);
  });

  it('drops entries below the configured level', () => {
    const { lines, destination } = captured();
    const logger = createServicePino({ service: 'intake', level: 'warn', destination });
    logger.info('routine');
    logger.error('broken');
    expect(parsed(lines).map((line) => line['level'])).toEqual(['error']);
  });

  describe('as Nest logger and per HTTP request', () => {
    const { lines, destination } = captured();
    const params = serviceLoggingParams({ service: 'intake', level: 'info', destination });
    const logger = ServiceLogger.create(params);
    let server: Server;
    let url: string;

    beforeAll(async () => {
      const perRequest = pinoHttp(params.pinoHttp as Parameters<typeof pinoHttp>[0]);
      server = createServer((request, response) => {
        perRequest(request, response);
        request.log.info('handling the filing');
        response.statusCode = request.url === '/broken' ? 500 : 201;
        response.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => lines.splice(0));

    it("keeps Nest's start-up listing of modules and routes for the debug level", () => {
      logger.log('Mapped {/applications, POST} route', 'RouterExplorer');
      logger.log('前台综合受理 intake listening on http://127.0.0.1:3001', 'intake');
      expect(parsed(lines).map((line) => [line['context'], line['message']])).toEqual([
        ['intake', '前台综合受理 intake listening on http://127.0.0.1:3001'],
      ]);
    });

    it("logs an error with its stack as Nest's exception handler passes it", () => {
      const error = new Error('数据库连接中断');
      logger.error(error.message, error.stack, 'Errors');
      expect(parsed(lines)[0]).toMatchObject({
        level: 'error',
        context: 'Errors',
        err: { message: '数据库连接中断', stack: expect.stringContaining('\n    at ') },
      });
    });

    it("writes one line per request with the caller's request id, which every line of the request carries", async () => {
      const answer = await fetch(`${url}/applications?phone=13812345678`, { headers: { 'x-request-id': 'window-7f3a' } });
      expect(answer.headers.get('x-request-id')).toBe('window-7f3a');
      const [during, done] = parsed(lines);
      expect(during).toMatchObject({ requestId: 'window-7f3a', message: 'handling the filing' });
      expect(done).toMatchObject({
        level: 'info',
        requestId: 'window-7f3a',
        message: 'GET /applications?phone=138****5678 201',
        req: { method: 'GET' },
        res: { status: 201 },
      });
      expect(done?.['durationMs']).toEqual(expect.any(Number));
    });

    it('logs a server error at error level and gives a request without a sane id a new one', async () => {
      const answer = await fetch(`${url}/broken`, { headers: { 'x-request-id': 'bad id with spaces' } });
      const requestId = answer.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(parsed(lines).at(-1)).toMatchObject({ level: 'error', requestId, message: 'GET /broken 500' });
      expect(parsed(lines).at(-1)).not.toHaveProperty('err');
    });

    it('writes no line for health probes and metrics scrapes', async () => {
      await fetch(`${url}/health/ready`);
      await fetch(`${url}/metrics`);
      expect(
        parsed(lines).filter((line) => String(line['message']).includes('/health') || String(line['message']).includes('/metrics')),
      ).toEqual([]);
    });
  });
});

describe('W3C trace context', () => {
  it("continues the caller's trace with a new span", () => {
    const parent = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const child = childTraceContext(parent);
    expect(child.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.spanId).not.toBe('00f067aa0ba902b7');
    expect(formatTraceparent(child)).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  });

  it.each(['garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '01-4bf92f3577b34da6a3ce929d0e0e4736'])(
    'ignores an invalid traceparent (%s) and starts a new trace',
    (value) => {
      expect(parseTraceparent(value)).toBeNull();
    },
  );
});
