// Unit, service and route tests. Service tests get a real PostgreSQL from tests/support/global-setup.ts.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The app's structured logs (pino) stay quiet in tests; a test that wants them sets its own level.
    env: { LOG_LEVEL: 'silent', LOG_FORMAT: 'json' },
  },
});
