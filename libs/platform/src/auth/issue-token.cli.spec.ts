import { main } from './issue-token.cli';
import { verifyToken } from './tokens';

const secret = 'a-secret-of-at-least-thirty-two-characters';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    { AUTH_TOKEN_SECRET: secret },
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('npm run token', () => {
  it('prints only the token on stdout, so $(npm run token …) fills an Authorization header, and the claims on stderr', async () => {
    const { code, stdout, stderr } = run(['--role', 'clerk', '--name', '李受理']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(await verifyToken(stdout.trim(), secret)).toMatchObject({ role: 'clerk', name: '李受理' });
    expect(stderr).toContain('"role":"clerk"');
  });

  it('writes the usage to stderr and nothing to stdout when the role is missing', () => {
    const { code, stdout, stderr } = run(['--name', '李受理']);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: npm run token');
  });
});
