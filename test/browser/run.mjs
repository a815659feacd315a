#!/usr/bin/env node
// `npm run test:browser`: only the dashboard tests in Chromium (they also run within `npm test`).
// UPDATE_SCREENSHOTS=1 refreshes docs/screenshots/; every run leaves its screenshots in test-results/browser/.
import { spawnSync } from 'node:child_process';

const run = spawnSync('node', ['scripts/run-tests.mjs', 'test/browser', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
