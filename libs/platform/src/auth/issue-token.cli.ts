import { DEVELOPMENT_TOKEN_SECRET } from '../config/base-service.config';
import { ROLES, type Role } from './roles';
import { issueToken } from './tokens';

const USAGE = `usage: npm run token -- --role <${ROLES.join('|')}> [--department CODE] [--name 张三] [--id u1] [--hours 8] [--secret S]
The secret defaults to AUTH_TOKEN_SECRET, else the development secret (local use only).`;

/**
 * Issues a token for local use: `npm run token -- --role approver --department DCF-SCJGJ --name 王审批`.
 * Only the token goes to stdout, so `-H "Authorization: Bearer $(npm run -s token -- …)"` works; the
 * claims and any usage go to stderr.
 */
export function main(
  argv: string[],
  env: Record<string, string | undefined>,
  write: (text: string) => void,
  writeError: (text: string) => void,
): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith('--') || value === undefined) {
      writeError(`${USAGE}\n`);
      return 64;
    }
    args.set(key.slice(2), value);
  }
  const role = args.get('role') as Role | undefined;
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    writeError(`${USAGE}\n`);
    return 64;
  }
  const secret = args.get('secret') ?? env['AUTH_TOKEN_SECRET'] ?? DEVELOPMENT_TOKEN_SECRET;
  try {
    const user = {
      id: args.get('id') ?? `${role}-local`,
      name: args.get('name') ?? role,
      role,
      ...(args.get('department') ? { department: args.get('department') as string } : {}),
      ...(args.get('level') ? { level: args.get('level') as string } : {}),
    };
    const token = issueToken(user, secret, Number(args.get('hours') ?? '8') * 3600);
    write(`${token}\n`);
    writeError(`# ${JSON.stringify(user)}\n`);
    return 0;
  } catch (error) {
    writeError(`${(error as Error).message}\n${USAGE}\n`);
    return 64;
  }
}
