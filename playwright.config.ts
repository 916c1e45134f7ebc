// Browser end-to-end tests. `npm run test:e2e` builds first (remix build); this config only serves the build.
// Every run gets its own embedded PostgreSQL in a fresh temp folder, migrated and seeded by the app on start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Under the system temp dir so that, as root, the `postgres` user can reach it. The pid keeps the name unique even
// though the config is also loaded by the worker processes (they never start a server, so their name is unused).
const dataDir = path.join(os.tmpdir(), `matchfund-e2e-${Date.now()}-${process.pid}`);
// The server has been stopped by the time the runner exits: throw the run's database away.
process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node build/index.js',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // An empty DATABASE_URL counts as unset: always the run's own embedded database, never a developer's server.
    env: { PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' },
    // SIGTERM lets the app close its pool and stop PostgreSQL cleanly before the folder is removed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
