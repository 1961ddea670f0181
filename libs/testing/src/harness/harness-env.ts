import { readFileSync, writeFileSync } from 'node:fs';

/**
 * What `npm run bench` and `npm run chaos` share: sizes read from the environment, the settings the
 * runner script (tools/scripts/run-harness.mjs) must have set, and the README section a full run rewrites.
 */
export function harnessEnv(env: NodeJS.ProcessEnv, command: string) {
  return {
    /** A positive whole number from `name`, or the fallback when it is unset. */
    int(name: string, fallback: number): number {
      const text = env[name];
      if (text === undefined || text === '') return fallback;
      const value = Number(text);
      if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${text}"`);
      return value;
    },
    required(name: string): string {
      const value = env[name];
      if (!value) throw new Error(`${name} is not set: run through \`${command}\``);
      return value;
    },
  };
}

/** Replaces what stands between `<!-- marker:start -->` and `<!-- marker:end -->` in a Markdown file; no markers, no change. */
export function replaceMarkedSection(file: string, marker: string, markdown: string): void {
  const text = readFileSync(file, 'utf8');
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return;
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
}
