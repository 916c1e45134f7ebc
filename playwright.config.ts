// Browser end-to-end tests. `npm run test:e2e` builds first (remix build); this config only serves the build.
// Every run gets its own embedded PostgreSQL in a fresh temp folder, migrated and seeded by the app on start, and its
// own free port. The browser is the Chromium shipped inside the `@sparticuz/chromium` npm package, so `npm install`
// brings it; E2E_CHROMIUM=/path/to/chromium runs another one instead.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { defineConfig } from '@playwright/test';

/** Asks the kernel for a port nobody listens on (loopback), then lets it go for the server to take. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

// The config is loaded by the runner and again by each worker. The runner chooses the port and the data folder and
// leaves them in the environment, which the workers inherit, so that all of them agree.
if (!process.env.MATCHFUND_E2E_RUN) {
  process.env.MATCHFUND_E2E_RUN = '1';
  if (process.env.E2E_PORT) {
    const wanted = Number(process.env.E2E_PORT);
    if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) {
      throw new Error(`E2E_PORT must be a port number, got "${process.env.E2E_PORT}"`);
    }
    if (!(await portIsFree(wanted))) {
      throw new Error(`E2E_PORT=${wanted} is already in use: stop what listens there, or unset E2E_PORT to use a free port`);
    }
  } else {
    process.env.E2E_PORT = String(await freePort());
  }
  // Under the system temp dir so that, as root, the `postgres` user can reach it.
  const dataDir = path.join(os.tmpdir(), `matchfund-e2e-${Date.now()}-${process.pid}`);
  process.env.E2E_DATA_DIR = dataDir;
  // The server has been stopped by the time the runner exits: throw the run's database away.
  process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

const PORT = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${PORT}`;
// Unpacks once to the temp folder (about 1.5 s the first time), then reuses it.
const executablePath = process.env.E2E_CHROMIUM || (await sparticuz.executablePath());

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
          executablePath,
          // Without the background-networking flags Chromium keeps dialling out of a closed network.
          args: [
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
    env: { PORT: String(PORT), DATA_DIR: process.env.E2E_DATA_DIR!, DATABASE_URL: '', NODE_ENV: 'production' },
    // SIGTERM lets the app close its pool and stop PostgreSQL cleanly before the folder is removed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
