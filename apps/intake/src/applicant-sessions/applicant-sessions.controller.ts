import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { maskPhone } from '@onewindow/domain';
import { APPLICANT_SESSION_COOKIE, Public, Roles, type AuthenticatedRequest } from '@onewindow/platform';
import { Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { IntakeConfig } from '../intake.config';
import { ApplicantSessionsService, CodeRequestRefused } from './applicant-sessions.service';
import { phoneOfApplicant, requestAddress } from './sign-in-codes';

const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_MESSAGE = '请填写11位手机号码';

class RequestCodeDto {
  @ApiProperty({ title: '手机号码', example: '13806351111', description: '接收验证码的手机号码（11位）' })
  @Matches(MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;
}

class ApplicantSignInDto extends RequestCodeDto {
  @ApiProperty({ title: '短信验证码', example: '123456', description: '短信收到的6位验证码' })
  @Matches(/^\d{6}$/, { message: '请填写短信收到的6位验证码' })
  code!: string;
}

export class CodeSentView {
  @ApiProperty({ title: '手机号码', description: 'The phone the code went to, masked', example: '138****1111' })
  phone!: string;

  @ApiProperty({ title: '验证码有效期至', format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ title: '可重新获取的秒数', example: 60 })
  resendAfterSeconds!: number;
}

export class ApplicantSessionView {
  @ApiProperty({ title: '身份', enum: ['applicant'] })
  role!: 'applicant';

  @ApiProperty({ title: '手机号码', description: 'The signed-in phone, masked', example: '138****1111' })
  phone!: string;

  @ApiProperty({ title: '登录有效期至', format: 'date-time' })
  expiresAt!: string;
}

/**
 * 申请人短信验证码登录: no account, no password. The code goes out through the SMS outbox; the
 * session is an httpOnly cookie of its own (`onewindow_applicant`), which the console gateway turns
 * into the bearer token for calls marked `X-OneWindow-Session: applicant`.
 */
@ApiTags('applicant-sessions 申请人登录')
@Controller('applicant-sessions')
export class ApplicantSessionsController {
  constructor(
    private readonly sessions: ApplicantSessionsService,
    private readonly config: IntakeConfig,
  ) {}

  @Post('code')
  @Public()
  @ApiOperation({
    summary: '获取短信验证码: a 6-digit code valid 5 minutes, sent by SMS',
    description:
      'At most one a minute and five an hour per phone, twenty an hour per address: beyond, 429 `TOO_MANY_CODE_REQUESTS` with Retry-After.',
  })
  @ApiCreatedResponse({ type: CodeSentView })
  async requestCode(
    @Body() body: RequestCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CodeSentView> {
    try {
      return await this.sessions.requestCode(body.phone, addressOf(request));
    } catch (error) {
      if (error instanceof CodeRequestRefused) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post()
  @Public()
  @ApiOperation({
    summary: '申请人登录: the phone and its latest code; sets the httpOnly applicant cookie (30 minutes)',
    description:
      'Wrong code: 401 `SIGN_IN_CODE_WRONG` with the attempts left; expired, used, spent by five wrong tries or never asked for: 401 `SIGN_IN_CODE_INVALID`.',
  })
  @ApiCreatedResponse({
    type: ApplicantSessionView,
    headers: {
      'Set-Cookie': { description: `${APPLICANT_SESSION_COOKIE}=<token>; HttpOnly; SameSite=Strict; Path=/`, schema: { type: 'string' } },
    },
  })
  async signIn(@Body() body: ApplicantSignInDto, @Res({ passthrough: true }) response: Response): Promise<ApplicantSessionView> {
    const signedIn = await this.sessions.signIn(body.phone, body.code);
    response.cookie(APPLICANT_SESSION_COOKIE, signedIn.token, { ...this.cookieOptions(), maxAge: signedIn.maxAgeSeconds * 1000 });
    return { role: 'applicant', phone: signedIn.phone, expiresAt: signedIn.expiresAt };
  }

  @Get('current')
  @ApiBearerAuth()
  @Roles('applicant')
  @ApiOperation({ summary: 'The signed-in applicant; 401 once the session has expired' })
  @ApiOkResponse({ type: ApplicantSessionView })
  current(@Req() request: AuthenticatedRequest): ApplicantSessionView {
    const token = request.token;
    const phone = phoneOfApplicant(token?.user.id ?? '');
    return { role: 'applicant', phone: phone ? maskPhone(phone) : '', expiresAt: (token?.expiresAt ?? new Date(0)).toISOString() };
  }

  @Delete('current')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录: clears the applicant cookie' })
  @ApiNoContentResponse({ description: 'Signed out' })
  signOut(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(APPLICANT_SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'strict' as const, secure: this.config.applicantCookieSecure, path: '/' };
  }
}

function addressOf(request: Request): string {
  return requestAddress(request.header('x-forwarded-for'), request.socket.remoteAddress);
}
