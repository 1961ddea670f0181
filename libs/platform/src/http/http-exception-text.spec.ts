import {
  BadRequestException,
  HttpException,
  NotFoundException,
  ParseIntPipe,
  ParseUUIDPipe,
  PayloadTooLargeException,
} from '@nestjs/common';
import { httpExceptionText } from './http-exception-text';

async function errorOf(run: () => Promise<unknown>): Promise<HttpException> {
  try {
    await run();
  } catch (error) {
    return error as HttpException;
  }
  throw new Error('expected the pipe to refuse');
}

describe('the Chinese text of HTTP exceptions', () => {
  it('names the route identifier a UUID pipe refused', async () => {
    const error = await errorOf(() => new ParseUUIDPipe().transform('abc', { type: 'param', data: 'partId' }));
    expect(httpExceptionText(error, { id: '1b0c6a52-8d1e-4b8e-9a57-2f1f1a0f8c3d', partId: 'abc', materialCode: 'M01' })).toEqual({
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误，请按提示修改',
      fields: [{ path: 'partId', code: 'IS_UUID', message: '编号格式不正确，请从列表中选择后重试' }],
    });
  });

  it('translates the other built-in pipes', async () => {
    const error = await errorOf(() => new ParseIntPipe().transform('abc', { type: 'query', data: 'n' }));
    expect(httpExceptionText(error).fields).toEqual([{ path: '', code: 'IS_INT', message: '请求参数必须是整数' }]);
  });

  it('tells malformed JSON and a body over the limit from their parser errors', () => {
    const parse = Object.assign(new SyntaxError('Unexpected end of JSON input'), { type: 'entity.parse.failed', status: 400 });
    expect(httpExceptionText(new BadRequestException(parse.message, { cause: parse }))).toMatchObject({
      code: 'MALFORMED_JSON',
      message: expect.stringContaining('JSON'),
    });
    const bare = Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400, body: '"text"' });
    expect(httpExceptionText(new BadRequestException(bare.message, { cause: bare }))).toMatchObject({ code: 'BODY_NOT_OBJECT' });
    const large = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', limit: 1048576 });
    expect(httpExceptionText(new PayloadTooLargeException(large.message, { cause: large }))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容过大（不能超过1MB）',
    });
  });

  it('tells a body nested too deep, with the limit', () => {
    const deep = Object.assign(new Error('JSON body nested deeper than 32'), { type: 'entity.too.deep', depthLimit: 32, status: 400 });
    expect(httpExceptionText(new BadRequestException(deep.message, { cause: deep }))).toEqual({
      code: 'BODY_TOO_DEEP',
      message: '请求内容的层级嵌套过深（不能超过32层）',
      fields: [],
    });
  });

  it('answers other statuses with their Chinese text', () => {
    expect(httpExceptionText(new NotFoundException('Cannot GET /nowhere'))).toEqual({
      code: 'NOT_FOUND',
      message: '未找到请求的内容',
      fields: [],
    });
  });
});
