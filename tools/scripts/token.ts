import { main } from '../../libs/platform/src/auth/issue-token.cli';

process.exitCode = main(
  process.argv.slice(2),
  process.env,
  (text) => process.stdout.write(text),
  (text) => process.stderr.write(text),
);
