// Lint rules and the layer boundaries (ADR 008). `npm run lint` runs this; `npm test` runs lint first.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make, by the folder the import reaches. */
function forbid(...layers) {
  return layers.map((layer) => ({ group: [`**/${layer}`, `**/${layer}/**`], message: `This layer may not import ${layer} (ADR 008).` }));
}

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'public/build/**',
      '.cache/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      // The bench's floor app builds here (git ignores it too).
      'tests/bench/floor/build/**',
      'tests/bench/floor/public/**',
      'tests/bench/floor/.cache/**',
      'tests/bench/floor/app/routes/r*.tsx',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Input sanitising strips control characters on purpose (app/lib/validation.ts).
      'no-control-regex': 'off',
    },
  },
  // The app logs through its logger (app/lib/logger.server.ts); scripts and benches may print.
  { files: ['app/**'], ignores: ['app/server.ts'], rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] } },
  // Migrations are written against Kysely<any>: they must not depend on today's schema types.
  { files: ['db/migrations/**', 'db/migrate.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Links to our pages are AppLinks (ADR 029): Remix's <Link>/<NavLink> resolve each link against the routes three or
  // four times per render.
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    ignores: ['app/components/app-link.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='@remix-run/react'] ImportSpecifier[imported.name=/^(Link|NavLink)$/]",
          message: 'Use AppLink or MenuLink from app/components/app-link (ADR 029).',
        },
      ],
    },
  },
  // The layers: domain ← db ← services ← jobs and routes; lib and components never reach up into services.
  { files: ['app/jobs/**'], rules: { 'no-restricted-imports': restrict(forbid('routes', 'components')) } },
  {
    files: ['app/domain/**'],
    rules: { 'no-restricted-imports': restrict(forbid('lib', 'services', 'routes', 'components', 'db', 'jobs')) },
  },
  {
    files: ['db/**'],
    rules: { 'no-restricted-imports': restrict(forbid('app/lib', 'app/services', 'app/routes', 'app/components', 'app/jobs')) },
  },
  { files: ['app/lib/**'], rules: { 'no-restricted-imports': restrict(forbid('services', 'routes', 'components', 'jobs')) } },
  { files: ['app/components/**'], rules: { 'no-restricted-imports': restrict(forbid('services', 'routes', 'jobs')) } },
  { files: ['app/services/**'], rules: { 'no-restricted-imports': restrict(forbid('routes', 'components', 'jobs')) } },
);
