#!/usr/bin/env node
// `npm run bench:faults`: report submissions under load while PostgreSQL restarts and while it hangs
// (docs/benchmarks.md, "Faults"). Not part of `npm test`.
//
// 1. Builds the API (tsc) and starts an embedded PostgreSQL of its own in a temp folder (never DATABASE_URL's
//    server: this run stops and freezes it), then the API on it as a child process, in demo mode (demo states,
//    plans and institutions to report on).
// 2. WRITERS concurrent clients submit reports (`POST …/states/:s/reports`) for DURATION seconds, each with a new
//    Idempotency-Key. A write that fails (5xx, network error, no answer within 15 s) is retried with the SAME key
//    after 100 ms, as a careful client does, until it is acknowledged (2xx with the report's id); after DURATION the
//    writers stop starting new writes and finish the one in hand.
// 3. Faults, at 30 % and 60 % of the run: a restart (the server is stopped — fast shutdown, open transactions
//    aborted —, stays down DOWN seconds, and starts again), then a hang (every process of the cluster stopped with
//    SIGSTOP for HANG seconds, then SIGCONT).
// 4. Counts the rows: every acknowledged report must be in the database with the id it was acknowledged with, and
//    there must be no other row of this run (acknowledged == found). A retry answered 200 `Idempotent-Replayed`
//    is a write that had committed although its answer was lost; the key made the retry harmless.
//
// Reported: attempts by outcome and phase (503 vs other 5xx, which must be 0), how long failing requests took to
// fail, and the recovery time of each fault: from the database being back until the first acknowledged write.
//
// Options: --duration=SECONDS (default 30), --writers=N (default 8), --down=SECONDS (default 2), --hang=SECONDS
// (default 5).
import { execSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { pauseCluster, resumeCluster } from './cluster-faults.mjs';

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const DURATION = arg('duration', 30) * 1000;
const WRITERS = arg('writers', 8);
const DOWN = arg('down', 2) * 1000;
const HANG = arg('hang', 5) * 1000;
const PROGRAM = 'condatos-2024';
const TZ = 'America/Mexico_City';
const SECRET = 'bench-faults-secret-bench-faults-secret-00';
const log = (line) => console.log(line);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

log('Building the API (tsc)…');
execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
const { findFreePort, startEmbeddedDatabase } = await import(path.resolve('dist/libs/database/src/embedded-database.js'));

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-bench-faults-'));
const dataDir = path.join(tmpDir, 'pg');
const dbPort = await findFreePort();
const appLog = path.join(os.tmpdir(), `rumbo-bench-faults-${process.pid}.log`);
let db;
let app;
let paused = [];

async function startApp(url) {
  const port = await findFreePort();
  const out = fs.openSync(appLog, 'a');
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', RUMBO_DEMO: 'true', RUMBO_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, out],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}; see ${appLog}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the app did not become healthy');
}

async function stopApp(a) {
  if (!a || a.child.exitCode !== null) return;
  const exited = new Promise((r) => a.child.once('exit', r));
  a.child.kill('SIGTERM');
  await exited;
}

// ---------------------------------------------------------------------------------------------------------
// Writers

/** Every HTTP attempt: when it started and ended (ms since the run's start), its status (0: no answer) and phase. */
const attempts = [];
/** Acknowledged writes: Idempotency-Key → report id. */
const acknowledged = new Map();
let replays = 0;
let t0 = 0;
const now = () => performance.now() - t0;
/** Fault windows, filled in as they happen: { name, start, back, firstAck }. */
const faults = [];
/** A fault's attempts: those in flight at any moment from the fault until the first acknowledged write after it. */
const phaseOf = (a) => faults.find((f) => a.ended >= f.start && (f.firstAck === undefined || a.started <= f.firstAck))?.name ?? 'steady';

function newWrite(targets, i) {
  const t = targets[i % targets.length];
  const percent = Math.floor(Math.random() * 101);
  const status = percent === 100 ? 'completed' : percent === 0 ? 'not_started' : 'in_progress';
  return {
    key: `faults-${randomUUID()}`,
    path: `/api/v1/programs/${PROGRAM}/states/${t.stateCode}/reports`,
    body: JSON.stringify({ activityCode: t.activityCode, ...(t.institutionId ? { institutionId: t.institutionId } : {}), status, percent, reportedOn: today }),
  };
}

async function attempt(base, token, write) {
  const started = now();
  let status = 0;
  let id;
  let replayed = false;
  try {
    const res = await fetch(base + write.path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': write.key },
      body: write.body,
      signal: AbortSignal.timeout(15_000),
    });
    status = res.status;
    replayed = res.headers.get('idempotent-replayed') === 'true';
    const body = await res.json().catch(() => null);
    if (res.ok) id = body?.id;
  } catch {
    status = 0;
  }
  const ended = now();
  attempts.push({ started, ended, status });
  return { ok: status >= 200 && status < 300 && typeof id === 'string', id, replayed, ended };
}

async function writer(base, token, targets, n, stopAt) {
  for (let i = n; now() < stopAt; i += WRITERS) {
    const write = newWrite(targets, i);
    for (let tries = 0; ; tries++) {
      const r = await attempt(base, token, write);
      if (r.ok) {
        acknowledged.set(write.key, r.id);
        if (r.replayed) replays++;
        for (const f of faults) if (f.back !== undefined && f.firstAck === undefined && r.ended >= f.back) f.firstAck = r.ended;
        break;
      }
      if (now() > stopAt + 120_000) throw new Error(`write ${write.key} still not acknowledged 2 minutes after the run`);
      await sleep(100);
    }
  }
}

async function faultSchedule() {
  await sleep(Math.max(0, DURATION * 0.3 - now()));
  const restart = { name: 'restart', start: now() };
  faults.push(restart);
  log(`  ${(restart.start / 1000).toFixed(1)} s: stopping PostgreSQL (fast shutdown), down for ${DOWN / 1000} s…`);
  await db.stop();
  await sleep(DOWN);
  db = await startEmbeddedDatabase({ dataDir, port: dbPort });
  restart.back = now();
  log(`  ${(restart.back / 1000).toFixed(1)} s: PostgreSQL started again`);

  await sleep(Math.max(0, DURATION * 0.6 - now()));
  const hang = { name: 'hang', start: now() };
  faults.push(hang);
  paused = pauseCluster(dataDir);
  log(`  ${(hang.start / 1000).toFixed(1)} s: PostgreSQL frozen (SIGSTOP to ${paused.length} processes) for ${HANG / 1000} s…`);
  await sleep(HANG);
  resumeCluster(paused);
  paused = [];
  hang.back = now();
  log(`  ${(hang.back / 1000).toFixed(1)} s: PostgreSQL resumed (SIGCONT)`);
}

// ---------------------------------------------------------------------------------------------------------
// Run

const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return s.length ? { n: s.length, p50: at(50), p95: at(95), max: s.at(-1) } : { n: 0 };
};
const ms = (v) => (v === undefined ? '–' : `${Math.round(v)}`);

let failed = false;
try {
  log(`Starting an embedded PostgreSQL of this run's own in ${dataDir} (port ${dbPort})…`);
  db = await startEmbeddedDatabase({ dataDir, port: dbPort });
  log(`Starting the API on it, in demo mode (seeding the demo data; app log: ${appLog})…`);
  app = await startApp(db.url);

  const login = await fetch(`${app.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@rumbo.demo', password: 'rumbo-demo' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken, user } = await login.json();

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows: targets } = await client.query(
    `SELECT p.state_code AS "stateCode", a.code AS "activityCode", i.id AS "institutionId"
       FROM participation p
       JOIN program pr ON pr.id = p.program_id AND pr.code = $1
       JOIN plan_item pi ON pi.participation_id = p.id AND pi.included
       JOIN activity a ON a.id = pi.activity_id
       LEFT JOIN institution i ON a.level = 'institution' AND i.participation_id = p.id AND i.exited_on IS NULL AND i.joined_on <= $2
      WHERE p.exited_on IS NULL AND p.joined_on <= $2 AND (a.level = 'state' OR i.id IS NOT NULL)
      ORDER BY random()`,
    [PROGRAM, today],
  );
  await client.end();
  if (!targets.length) throw new Error('no unit to report on in the demo data');
  log(`${targets.length} units to report on (demo data); ${WRITERS} writers for ${DURATION / 1000} s, today ${today}:`);

  t0 = performance.now();
  await Promise.all([...Array.from({ length: WRITERS }, (_, n) => writer(app.base, accessToken, targets, n, DURATION)), faultSchedule()]);
  const total = now();

  // Count what the database holds for this run (every key of this run starts with "faults-").
  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  const { rows } = await check.query(`SELECT id, idempotency_key AS key FROM report WHERE author_id = $1 AND idempotency_key LIKE 'faults-%'`, [user.id]);
  await check.end();
  const found = new Map(rows.map((r) => [r.key, r.id]));
  const lost = [...acknowledged].filter(([key, id]) => found.get(key) !== id);
  const unacknowledged = [...found.keys()].filter((key) => !acknowledged.has(key));

  // ---------------------------------------------------------------------------------------------------------
  // Report
  for (const a of attempts) a.phase = phaseOf(a);
  const by = (pred) => attempts.filter(pred);
  const steady = by((a) => a.phase === 'steady' && a.status >= 200 && a.status < 300);
  const steadySpan = (DURATION * 0.3) / 1000;
  log('');
  log(`Machine: ${os.cpus().length} cores, Node ${process.version}; ${WRITERS} writers, ${DURATION / 1000} s (+ ${((total - DURATION) / 1000).toFixed(1)} s to finish the writes in hand); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  log(`Writes before the first fault: ${(by((a) => a.phase === 'steady' && a.ended < DURATION * 0.3 && a.status >= 200 && a.status < 300).length / steadySpan).toFixed(0)} acknowledged/s; steady-state latency p50 ${ms(stats(steady.map((a) => a.ended - a.started)).p50)} ms`);
  log('');
  log('| phase | attempts | acknowledged | 503 | other 5xx | 4xx | no answer | failing requests failed after (p50 / p95 / max ms) | database back → first acknowledged write |');
  log('|---|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const phase of ['steady', 'restart', 'hang']) {
    const list = by((a) => a.phase === phase);
    const fail = list.filter((a) => !(a.status >= 200 && a.status < 300));
    const f = faults.find((x) => x.name === phase);
    const took = stats(fail.map((a) => a.ended - a.started));
    const recovery = f && f.firstAck !== undefined ? `${ms(f.firstAck - f.back)} ms` : phase === 'steady' ? '' : 'never';
    log(
      `| ${phase === 'restart' ? `restart (down ${ms(f?.back - f?.start)} ms)` : phase === 'hang' ? `hang (frozen ${ms(f?.back - f?.start)} ms)` : 'steady'} | ${list.length} | ${list.length - fail.length} | ${fail.filter((a) => a.status === 503).length} | ${fail.filter((a) => a.status >= 500 && a.status !== 503).length} | ${fail.filter((a) => a.status >= 400 && a.status < 500).length} | ${fail.filter((a) => a.status === 0).length} | ${took.n ? `${ms(took.p50)} / ${ms(took.p95)} / ${ms(took.max)}` : '–'} | ${recovery} |`,
    );
  }
  log('');
  log(`Acknowledged writes: ${acknowledged.size}; rows found: ${found.size}; acknowledged but missing or with another id: ${lost.length}; rows never acknowledged: ${unacknowledged.length}`);
  log(`Retries answered "Idempotent-Replayed" (the first attempt had committed, its answer was lost): ${replays}`);
  const other5xx = attempts.filter((a) => a.status >= 500 && a.status !== 503).length;
  const noAnswer = attempts.filter((a) => a.status === 0).length;
  const verdict = (label, ok, detail) => {
    log(`${ok ? 'PASS' : 'FAIL'}  ${label} (${detail})`);
    if (!ok) failed = true;
  };
  verdict('acknowledged == found', lost.length === 0 && unacknowledged.length === 0 && acknowledged.size === found.size, `${acknowledged.size} vs ${found.size}`);
  verdict('every failure during a fault is a 503', other5xx === 0 && noAnswer === 0 && attempts.every((a) => a.status < 400 || a.status >= 500), `${other5xx} other 5xx, ${noAnswer} without an answer`);
  verdict('writes resume after each fault', faults.length === 2 && faults.every((f) => f.firstAck !== undefined), faults.map((f) => `${f.name} ${ms(f.firstAck - f.back)} ms`).join(', '));
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  resumeCluster(paused);
  await stopApp(app);
  await db?.stop().catch(() => undefined);
  fs.rmSync(tmpDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
