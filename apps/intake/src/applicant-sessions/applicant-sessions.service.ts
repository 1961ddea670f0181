import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { maskPhone } from '@onewindow/domain';
import { AUTH_TOKEN_SECRET, Clock, DomainError, issueToken } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { IntakeEvents } from '../events/intake-events';
import { CENTRE } from '../receipts/receipt';
import { SignInCodeRepository } from './sign-in-code.repository';
import {
  SIGN_IN_CODE_RULES,
  applicantSubject,
  checkSignInCode,
  hashSignInCode,
  mayRequestCode,
  newSignInCode,
  signInCodeText,
  type CodeCheck,
} from './sign-in-codes';
import { INTAKE_ERRORS } from '../intake-errors';

export interface CodeSent {
  phone: string;
  expiresAt: string;
  resendAfterSeconds: number;
}

export interface ApplicantSignedIn {
  /** For the httpOnly cookie only: never in a body, never in a log. */
  token: string;
  maxAgeSeconds: number;
  phone: string;
  expiresAt: string;
}

/** A refusal to send another code, with when to ask again (the controller's Retry-After). */
export class CodeRequestRefused extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_CODE_REQUESTS', message, 'too-many-requests');
  }
}

const HOUR_MS = 3_600_000;

/** 短信验证码登录: the applicant proves a phone with a one-time code and gets a short session as `applicant`. */
@Injectable()
export class ApplicantSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: SignInCodeRepository,
    private readonly events: IntakeEvents,
    private readonly clock: Clock,
    @Inject(AUTH_TOKEN_SECRET) private readonly secret: string,
  ) {}

  /** Sends a new code to the phone through the SMS outbox, within the limits per phone and per address. */
  async requestCode(phone: string, address: string): Promise<CodeSent> {
    return this.dataSource.transaction(async (tx) => {
      await this.codes.lockPhone(tx, phone);
      const now = this.clock.now();
      const decision = mayRequestCode(await this.codes.recentRequests(tx, phone, address, new Date(now.getTime() - HOUR_MS)), now);
      if (!decision.allowed) throw new CodeRequestRefused(decision.message, decision.retryAfterSeconds);
      const code = newSignInCode();
      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + SIGN_IN_CODE_RULES.ttlMs);
      await this.codes.insert(tx, {
        id,
        phone,
        codeHash: hashSignInCode(phone, code, this.secret),
        requestedFrom: address,
        requestedAt: now,
        expiresAt,
        attempts: 0,
        usedAt: null,
      });
      await this.events.record(tx, { kind: 'sign-in-code-requested', phone, text: signInCodeText(code, CENTRE.name), codeId: id });
      return { phone: maskPhone(phone), expiresAt: expiresAt.toISOString(), resendAfterSeconds: SIGN_IN_CODE_RULES.phoneCooldownMs / 1000 };
    });
  }

  /** Checks the phone's latest code; a wrong one counts an attempt (kept even though the sign-in is refused). */
  async signIn(phone: string, code: string): Promise<ApplicantSignedIn> {
    const now = this.clock.now();
    const check = await this.dataSource.transaction(async (tx): Promise<CodeCheck> => {
      const latest = await this.codes.lockLatest(tx, phone, new Date(now.getTime() - HOUR_MS));
      const result = checkSignInCode(latest, hashSignInCode(phone, code, this.secret), now);
      if (latest && result.ok) await this.codes.update(tx, latest.id, { usedAt: now });
      if (latest && !result.ok && result.reason === 'wrong') await this.codes.update(tx, latest.id, { attempts: latest.attempts + 1 });
      return result;
    });
    if (!check.ok) {
      const fields = [{ path: 'code', code: `SIGN_IN_CODE_${check.reason.toUpperCase()}`, message: check.message }];
      const explanation = { explanation: check.message };
      throw check.reason === 'wrong'
        ? INTAKE_ERRORS.SIGN_IN_CODE_WRONG(explanation, fields)
        : INTAKE_ERRORS.SIGN_IN_CODE_INVALID(explanation, fields);
    }
    const maxAgeSeconds = SIGN_IN_CODE_RULES.sessionTtlSeconds;
    const token = issueToken(
      { id: applicantSubject(phone), name: `申请人${maskPhone(phone)}`, role: 'applicant' },
      this.secret,
      maxAgeSeconds,
      now,
    );
    return { token, maxAgeSeconds, phone: maskPhone(phone), expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString() };
  }
}
