import { Body, Controller, Delete, Get, HttpCode, Put, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Clock,
  PageOf,
  Public,
  Roles,
  SESSION_COOKIE,
  TokenError,
  TokenVerifier,
  type AuthenticatedRequest,
  type VerifiedToken,
} from '@onewindow/platform';
import type { Request, Response } from 'express';
import { IdentityConfig } from '../identity.config';
import { SessionView, SignInRecordView } from './session.view';
import { ChangePasswordDto, ListSignInsQuery, SignInDto } from './sessions.dto';
import { SessionsService, type RequestOrigin } from './sessions.service';

@ApiTags('sessions 登录与退出')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly verifier: TokenVerifier,
    private readonly clock: Clock,
    private readonly config: IdentityConfig,
  ) {}

  @Post('sessions')
  @Public()
  @ApiOperation({
    summary: '登录: sets the httpOnly, SameSite=Strict session cookie holding the token',
    description:
      'Wrong name or password: 401 `INVALID_CREDENTIALS`; locked after repeated failures: 423 `ACCOUNT_LOCKED` (the message says until when); disabled: 403 `ACCOUNT_DISABLED`.',
  })
  @ApiCreatedResponse({
    type: SessionView,
    headers: { 'Set-Cookie': { description: `${SESSION_COOKIE}=<token>; HttpOnly; SameSite=Strict; Path=/`, schema: { type: 'string' } } },
  })
  async signIn(@Body() body: SignInDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const signedIn = await this.sessions.signIn(body, originOf(request));
    response.cookie(SESSION_COOKIE, signedIn.token, { ...this.cookieOptions(), maxAge: signedIn.maxAgeSeconds * 1000 });
    return signedIn.session;
  }

  @Get('sessions/current')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is signed in; 401 once the session has ended, expired or the account was disabled' })
  @ApiOkResponse({ type: SessionView })
  current(@Req() request: AuthenticatedRequest): Promise<SessionView> {
    return this.sessions.current(request.token as VerifiedToken);
  }

  @Delete('sessions/current')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录: ends the session and clears the cookie (also when the sign-in has already expired)' })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared' })
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.signOut(await this.tokenOf(request), originOf(request));
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Put('sessions/current/password')
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改密码: by the holder, with the current password; their other sessions end' })
  @ApiOkResponse({ type: SessionView })
  changePassword(@Req() request: AuthenticatedRequest, @Body() body: ChangePasswordDto): Promise<SessionView> {
    return this.sessions.changePassword(request.token as VerifiedToken, body.currentPassword, body.newPassword);
  }

  @Get('sign-ins')
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOperation({ summary: '登录日志: every sign-in attempt and sign-out, newest first' })
  @ApiOkResponse({ type: PageOf(SignInRecordView) })
  signIns(@Query() query: ListSignInsQuery) {
    return this.sessions.signIns(query);
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'strict' as const, secure: this.config.sessionCookieSecure, path: '/' };
  }

  /** Sign-out is public (an expired sign-in must still clear its cookie): the token, if it is still good. */
  private async tokenOf(request: Request): Promise<VerifiedToken | undefined> {
    const match = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '');
    if (!match) return undefined;
    try {
      return await this.verifier.verify(match[1] as string, this.clock.now());
    } catch (error) {
      if (error instanceof TokenError) return undefined;
      throw error;
    }
  }
}

function originOf(request: Request): RequestOrigin {
  return {
    remoteAddress: request.socket.remoteAddress ?? null,
    forwardedFor: request.header('x-forwarded-for')?.slice(0, 256) ?? null,
    userAgent: request.header('user-agent')?.slice(0, 256) ?? null,
  };
}
