import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SessionUserView } from '../accounts/account.view';
import { SIGN_IN_EVENTS, SIGN_IN_OUTCOMES, type SignInEvent, type SignInOutcome, type SignInRecord } from './sign-in-record.entity';

/** The body of a sign-in and of `GET /sessions/current`; the token itself travels only in the httpOnly cookie. */
export class SessionView {
  @ApiProperty({ type: SessionUserView })
  user!: SessionUserView;

  @ApiProperty({ description: 'ISO 8601: when the sign-in ends and the console asks again' })
  expiresAt!: string;
}

export class SignInRecordView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SIGN_IN_EVENTS })
  event!: SignInEvent;

  @ApiProperty({ description: 'As typed at the sign-in page' })
  username!: string;

  @ApiPropertyOptional()
  accountId?: string;

  @ApiProperty({ enum: SIGN_IN_OUTCOMES })
  outcome!: SignInOutcome;

  @ApiPropertyOptional({ format: 'uuid' })
  sessionId?: string;

  @ApiPropertyOptional({ description: 'The connecting address (the gateway’s, behind it)' })
  remoteAddress?: string;

  @ApiPropertyOptional({ description: 'The browser’s address as the gateway forwarded it' })
  forwardedFor?: string;

  @ApiPropertyOptional()
  userAgent?: string;

  @ApiProperty({ description: 'ISO 8601' })
  at!: string;
}

export function toSignInRecordView(record: SignInRecord): SignInRecordView {
  return {
    id: record.id,
    event: record.event,
    username: record.username,
    ...(record.accountId ? { accountId: record.accountId } : {}),
    outcome: record.outcome,
    ...(record.sessionId ? { sessionId: record.sessionId } : {}),
    ...(record.remoteAddress ? { remoteAddress: record.remoteAddress } : {}),
    ...(record.forwardedFor ? { forwardedFor: record.forwardedFor } : {}),
    ...(record.userAgent ? { userAgent: record.userAgent } : {}),
    at: record.at.toISOString(),
  };
}
