import { ServiceContext } from '@onewindow/messaging';
import { childTraceContext, formatTraceparent, JsonLogger, parseTraceparent, RequestContext } from '../index';

describe('JSON logs', () => {
  it('writes one JSON line with the request and trace ids, masking ID and phone numbers', () => {
    const lines: string[] = [];
    const logger = new JsonLogger({ service: 'intake', write: (line) => lines.push(line) });
    const trace = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    RequestContext.run({ requestId: 'req-1', trace: childTraceContext(trace) }, () => {
      logger.log('申请人 11010519491231002X 电话 13812345678 已受理', 'Applications');
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({
      level: 'info',
      service: 'intake',
      context: 'Applications',
      requestId: 'req-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      message: '申请人 110105********002X 电话 138****5678 已受理',
    });
    expect(lines[0]).not.toContain('11010519491231002X');
  });

  it('writes one readable line for a person at a terminal when asked for text, masked the same way', () => {
    const lines: string[] = [];
    const logger = new JsonLogger({ service: 'intake', format: 'text', write: (line) => lines.push(line) });
    RequestContext.run({ requestId: 'req-7', trace: childTraceContext(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')) }, () => {
      logger.warn('申请人 11010519491231002X 的材料已补齐', 'Applications');
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} WARN  intake \[Applications\] 申请人 110105\*{8}002X 的材料已补齐  requestId=req-7 traceId=4bf92f3577b34da6a3ce929d0e0e4736 spanId=[0-9a-f]{16}\n$/);
  });

  it('masks personal data hidden in structured fields too', () => {
    const lines: string[] = [];
    new JsonLogger({ service: 'intake', write: (line) => lines.push(line) }).warn({ message: 'lookup', idNumber: '11010519491231002X' });
    expect(JSON.parse(lines[0] as string).idNumber).toBe('110105********002X');
  });

  it('names the service whose work is in progress when several services share one process', async () => {
    const lines: string[] = [];
    // Nest's logger is process-wide: the last service started owns it, yet each line must name its own service.
    const logger = new JsonLogger({ service: 'approval', write: (line) => lines.push(line) });
    await ServiceContext.run('intake', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.log('from intake, after an await');
    });
    logger.log('outside any service');
    expect(lines.map((line) => JSON.parse(line).service)).toEqual(['intake', 'approval']);
  });

  it('drops entries below the configured level', () => {
    const lines: string[] = [];
    const logger = new JsonLogger({ service: 'intake', level: 'warn', write: (line) => lines.push(line) });
    logger.log('routine');
    logger.error('broken');
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(['error']);
  });

  it("keeps Nest's start-up listing of modules and routes for the debug level", () => {
    const lines: string[] = [];
    const logger = new JsonLogger({ service: 'intake', level: 'info', write: (line) => lines.push(line) });
    logger.log('Mapped {/applications, POST} route', 'RouterExplorer');
    logger.log('前台综合受理 intake listening on http://127.0.0.1:3001', 'intake');
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['前台综合受理 intake listening on http://127.0.0.1:3001']);
  });
});

describe('W3C trace context', () => {
  it('continues the caller\'s trace with a new span', () => {
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
