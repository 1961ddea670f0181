import nx from '@nx/eslint-plugin';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries are the architecture: services never import each other, contracts
 * depend on nothing, and every lib is reached through its public index only.
 */
const dependencyRules = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  // Domain libraries build on each other (forms checks identifiers with domain's validators).
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing'] },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:data', 'type:testing'] },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:data', 'type:messaging', 'type:testing'],
  },
  // Test helpers stand on their own, so every lib's tests may use them without a cycle.
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:data', 'type:messaging', 'type:platform', 'type:testing'],
  },
  {
    sourceTag: 'type:launcher',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:data', 'type:messaging', 'type:platform', 'type:testing'],
  },
  // Benchmarks measure the libs and run the built services as processes; they never import an app.
  {
    sourceTag: 'type:bench',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:data', 'type:messaging', 'type:platform', 'type:testing'],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:intake', 'scope:shared'] },
  { sourceTag: 'scope:approval', onlyDependOnLibsWithTags: ['scope:approval', 'scope:shared'] },
  { sourceTag: 'scope:supervision', onlyDependOnLibsWithTags: ['scope:supervision', 'scope:shared'] },
  { sourceTag: 'scope:bridge', onlyDependOnLibsWithTags: ['scope:bridge', 'scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:shared'] },
  // The console runs in a browser: it may share plain types and rules, never server code.
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing'] },
];

const NO_PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through the validated config of @onewindow/platform, not process.env.',
};

const NO_BARE_TIME = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Take the time from the injectable Clock (@onewindow/platform), so tests can move it.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Take the time from the injectable Clock (@onewindow/platform); measure durations with performance.now().',
  },
];

const NO_DOMAIN_ERROR_BY_HAND = {
  selector: "NewExpression[callee.name='DomainError']",
  message:
    "Throw from the module's error catalogue (defineErrors in @onewindow/platform, see docs/adr/error-codes.md), or DomainError.validation(fields) for field errors.",
};

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/console/src/api/generated/**',
      '**/tmp/**',
      '**/.cache/**',
      '**/.data/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  // The console's single-file components: Vue's recommended rules (layout left to the formatter),
  // TypeScript in <script setup lang="ts">.
  ...pluginVue.configs['flat/recommended'],
  { files: ['**/*.vue'], rules: pluginVue.configs['no-layout-rules'].rules },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    files: ['**/*.ts', '**/*.vue'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The Kafka broker script is tooling, not an Nx project; integration tests start and stop it.
          allow: ['/tools/kafka/broker$'],
          depConstraints: dependencyRules,
        },
      ],
      // Config classes declare types explicitly: decorator metadata (design:type) drives coercion.
      '@typescript-eslint/no-inferrable-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The deprecated globals percent-encode (%u516C…): printed pages once came out garbled this way.
      'no-restricted-globals': [
        'error',
        { name: 'escape', message: 'Use escapeHtml from @onewindow/domain for HTML, encodeURIComponent for URLs.' },
        { name: 'unescape', message: 'Use decodeURIComponent.' },
      ],
      'no-restricted-syntax': ['error', NO_PROCESS_ENV, NO_DOMAIN_ERROR_BY_HAND],
    },
  },
  {
    // Service code takes time from the injectable Clock, so tests can move it (deadlines, escalations,
    // reminders); a duration is measured with performance.now().
    files: ['apps/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/testing/**',
      '**/migrations/**',
      // The launcher and demo tooling time their own start-up; the simulated department systems keep their own clocks.
      'apps/embedded/**',
      'apps/bridge/src/demo/**',
      // The console runs in the clerk's browser: the time it shows is the browser's.
      'apps/console/**',
    ],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, ...NO_BARE_TIME, NO_DOMAIN_ERROR_BY_HAND] },
  },
  {
    // Type-aware rules where a forgotten promise loses work: a Kafka handler, a transaction or a relay
    // whose rejection nobody awaits fails silently (the console's Vue files are checked by vue-tsc).
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['apps/console/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The console shows the clerk's browser time, read in one module so component tests can set it.
    files: ['apps/console/src/**/*.ts', 'apps/console/src/**/*.vue'],
    ignores: ['**/*.spec.ts', 'apps/console/src/shared/clock.ts', 'apps/console/src/api/generated/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_PROCESS_ENV,
        ...NO_BARE_TIME.map((rule) => ({
          ...rule,
          message: 'Read the time now from the console clock (now() in src/shared/clock.ts), so component tests can set it.',
        })),
      ],
    },
  },
  {
    // The platform's error types and catalogue make the errors every other module throws.
    files: ['libs/platform/src/http/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV] },
  },
  {
    // The places that are allowed to read the environment: the config loader and test/tooling setup.
    files: [
      'libs/platform/src/config/**/*.ts',
      'libs/testing/src/**/*.ts',
      'tools/**/*.ts',
      'bench/**/*.ts',
      'chaos/**/*.ts',
      '**/testing/**/*.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'apps/console/vite.config.mts',
      'apps/console/e2e/**/*.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
