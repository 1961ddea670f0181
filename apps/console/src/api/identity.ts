/** Sign-in (统一身份认证) through the generated identity client; the token stays in the gateway's httpOnly cookie. */
import * as sdk from './generated/identity/sdk.gen';
import type { ChangePasswordDto, DepartmentView, SessionUserView, SessionView } from './generated/identity/types.gen';

export type SessionUser = SessionUserView;
export type Session = SessionView;
export type Department = DepartmentView;

export async function signIn(username: string, password: string): Promise<Session> {
  return (await sdk.sessionsControllerSignIn({ body: { username, password } })).data;
}

export async function currentSession(): Promise<Session> {
  return (await sdk.sessionsControllerCurrent()).data;
}

export async function signOut(): Promise<void> {
  await sdk.sessionsControllerSignOut();
}

export async function changePassword(body: ChangePasswordDto): Promise<Session> {
  return (await sdk.sessionsControllerChangePassword({ body })).data;
}

/** The departments (and service centres) of the organisation, for choosing one by name. */
export async function listDepartments(): Promise<DepartmentView[]> {
  return (await sdk.departmentsControllerList()).data;
}
