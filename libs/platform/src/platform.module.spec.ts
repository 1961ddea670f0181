import { Body, Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import request from 'supertest';
import { IsResidentId } from '@onewindow/domain';
import { BaseServiceConfig, CurrentUser, issueToken, loadConfig, PlatformModule, Public, Roles, type AuthenticatedUser } from './index';

class PersonDto {
  @ApiProperty({ title: '姓名' })
  @IsString()
  @Length(1, 20, { message: '姓名长度应为1到20个字' })
  name!: string;

  @IsResidentId()
  idNumber!: string;
}

class RegisterDto {
  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;
}

@Controller('examples')
class ExampleController {
  @Get('public')
  @Public()
  open() {
    return { ok: true };
  }

  @Post()
  @Roles('clerk')
  register(@Body() body: RegisterDto, @CurrentUser() user: AuthenticatedUser) {
    return { by: user.name, name: body.person.name };
  }
}

const config = loadConfig(BaseServiceConfig, { env: { NODE_ENV: 'test' } });
const clerk = issueToken({ id: 'c1', name: '李受理', role: 'clerk' }, config.authTokenSecret);
const approver = issueToken({ id: 'a1', name: '王审批', role: 'approver', department: 'DCF-SCJGJ' }, config.authTokenSecret);

describe('the platform HTTP conventions', () => {
  let app: INestApplication;

  beforeAll(async () => {
    @Module({ imports: [PlatformModule.forService({ serviceName: 'example', config })], controllers: [ExampleController] })
    class ExampleModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ExampleModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers liveness and readiness without a token', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  });

  it('serves Prometheus metrics labelled with the service', async () => {
    await request(app.getHttpServer()).get('/examples/public').expect(200);
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.text).toContain('onewindow_http_request_duration_seconds_bucket');
    expect(response.text).toContain('service="example"');
    expect(response.text).toContain('onewindow_outbox_backlog');
  });

  it('refuses a call without a token with 401 and a Chinese message', async () => {
    const response = await request(app.getHttpServer()).post('/examples').send({}).expect(401);
    expect(response.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录（缺少身份令牌）' });
  });

  it('refuses the wrong role with 403', async () => {
    const response = await request(app.getHttpServer()).post('/examples').set('authorization', `Bearer ${approver}`).send({}).expect(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('reports every invalid field with its path and a Chinese message, and echoes the request id', async () => {
    const response = await request(app.getHttpServer())
      .post('/examples')
      .set('authorization', `Bearer ${clerk}`)
      .set('x-request-id', 'req-42')
      .send({ person: { name: '', idNumber: '110105194912310021' }, extra: 1 })
      .expect(400);
    expect(response.headers['x-request-id']).toBe('req-42');
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', requestId: 'req-42' });
    expect(response.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'person.name', code: 'REQUIRED', message: '请填写“姓名”' },
        { path: 'person.idNumber', code: 'IS_RESIDENT_ID', message: '居民身份证号码校验位错误，请核对后重新输入' },
        { path: 'extra', code: 'WHITELIST_VALIDATION', message: '不允许提交字段“extra”' },
      ]),
    );
  });

  it('lets the right role through with its identity', async () => {
    const response = await request(app.getHttpServer())
      .post('/examples')
      .set('authorization', `Bearer ${clerk}`)
      .send({ person: { name: '张三', idNumber: '11010519491231002X' } })
      .expect(201);
    expect(response.body).toEqual({ by: '李受理', name: '张三' });
  });
});
