'use strict';
// Runs the repository's TypeScript without a build, for small tools (token, asyncapi):
//   node -r ./tools/scripts/register-ts.cjs tools/scripts/token.ts
// Transpiles .ts with swc (the same options as the tests: decorators and their metadata) and maps
// the @onewindow/* aliases to libs/*/src/index.ts. @nestjs/* are ESM-only; Node's require(esm)
// loads them natively.
require('reflect-metadata');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const paths = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
const aliases = Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false, sourceMaps: 'inline' });
  module._compile(code, filename);
};
