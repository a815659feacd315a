#!/usr/bin/env node
// `npm test`: the whole Vitest suite (unit, medium, HTTP and browser tests), then the plain closing line
// `N passed, N failed` that CI reads. Extra arguments go to Vitest (e.g. `npm test -- test/e2e`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

const out = '.vitest-results.json';
fs.rmSync(out, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
let summary = '0 passed, 1 failed';
if (fs.existsSync(out)) {
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  // A file that fails to load has no failed tests of its own; count it, so a red run never reads "0 failed".
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !f.assertionResults?.some((a) => a.status === 'failed')).length;
  let failed = r.numFailedTests + brokenFiles;
  if (run.status !== 0 && failed === 0) failed = 1;
  summary = `${r.numPassedTests} passed, ${failed} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : '');
}
console.log(summary);
process.exit(run.status ?? 1);
