import { Module } from '@nestjs/common';
import { SessionRepository } from './session.repository';

/**
 * The session repository on its own: account administration ends sessions (disabling, password
 * resets) and signing in reads accounts, so the accounts and sessions modules share it without
 * importing each other.
 */
@Module({ providers: [SessionRepository], exports: [SessionRepository] })
export class SessionRepositoryModule {}
