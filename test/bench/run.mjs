#!/usr/bin/env node
// `npm run bench`: the progress engine at national scale (docs/benchmarks.md).
//
// 1. Builds the API (tsc) and prepares a SEPARATE database, `rumbo_bench`, on DATABASE_URL's server (or on a
//    throw-away embedded PostgreSQL when DATABASE_URL is unset): the app migrates it and loads reference data,
//    then generate.mjs bulk-loads 32 states, 10,000 institutions and 1,000,000 reports over two years, and the
//    app's rebuild function (ProgressRepository.rebuild) builds unit_progress from that history.
// 2. Starts the app on it (a child process, loopback) and measures with autocannon, in one run: /api/v1/health
//    (the floor), national progress, one state's progress, past-date national figures, report submission
//    (distinct Idempotency-Keys), and figures right after writes (cache misses).
// 3. Checks that the maintained national, per-phase and per-state figures equal a from-scratch computation (the
//    pure engine fed with every row) after the write load, today and for two past dates.
//
// Besides requests/s and latency, each load scenario reports the CPU time it cost per request in the app process,
// in the database backends serving it (Linux /proc, when the server is on this machine) and in this process (the
// load tool): on a machine shared with other work, those are steadier than requests/s.
//
// Options: --reuse (keep an existing rumbo_bench from an earlier run: skips generation), --duration=SECONDS
// (per load scenario, default 10), --connections=N (default 10).
import { execSync, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { generate, PROGRAM_CODE } from './generate.mjs';

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const REUSE = process.argv.includes('--reuse');
const DURATION = Number(arg('duration', 10));
const CONNECTIONS = Number(arg('connections', 10));
const SECRET = 'bench-secret-bench-secret-bench-secret-0000';
const TZ = 'America/Mexico_City';
const log = (line) => console.log(line);
const fmt = (v) => (v === undefined || v === null || Number.isNaN(v) ? '' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

log('Building the API (tsc)…');
execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
const dist = (p) => path.resolve('dist', p);
const { withDatabaseName } = await import(dist('libs/database/src/scratch-database.js'));
const { findFreePort, startEmbeddedDatabase } = await import(dist('libs/database/src/embedded-database.js'));
const { dataSourceOptions } = await import(dist('libs/database/src/data-source-options.js'));
const { ProgressRepository } = await import(dist('libs/core/src/progress/progress.repository.js'));
const { withLongStatements } = await import(dist('libs/database/src/long-operation.js'));
const { aggregateNationalPhases, aggregateNationalProgress, computeStateProgress, isActiveAt, round1 } = await import(dist('libs/core/src/progress/progress-math.js'));
const { roundNationalProgress } = await import(dist('libs/core/src/progress/progress-rounding.js'));
const { DataSource } = await import('typeorm');

// ---------------------------------------------------------------------------------------------------------
// Database

let serverUrl = process.env.DATABASE_URL;
let stopServer = async () => {};
let tmpDir;
if (!serverUrl) {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-bench-pg-'));
  log(`No DATABASE_URL: starting an embedded PostgreSQL in ${tmpDir}…`);
  const db = await startEmbeddedDatabase({ dataDir: path.join(tmpDir, 'pg'), port: await findFreePort(), persistent: false });
  serverUrl = db.url;
  stopServer = db.stop;
}
const benchUrl = withDatabaseName(serverUrl, 'rumbo_bench');
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
};

let app;
async function startApp() {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, DATABASE_URL: benchUrl, PORT: String(port), HOST: '127.0.0.1', RUMBO_DEMO: 'false', RUMBO_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app did not become healthy');
}
async function stopApp(a) {
  if (!a || a.child.exitCode !== null) return;
  const exited = new Promise((r) => a.child.once('exit', r));
  a.child.kill('SIGTERM');
  await exited;
}

const timings = {};
const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = 'rumbo_bench'`)).rowCount > 0;
const db = new pg.Client({ connectionString: benchUrl });
if (!REUSE || !exists) {
  log('Creating rumbo_bench (migrations and reference data by the app)…');
  await admin('DROP DATABASE IF EXISTS rumbo_bench WITH (FORCE)');
  await admin('CREATE DATABASE rumbo_bench');
  await stopApp(await startApp());
  await db.connect();
  log(`Generating national-scale data (today is ${today} in ${TZ})…`);
  let started = Date.now();
  await generate(db, { today, log });
  timings.generate = (Date.now() - started) / 1000;
  log('Building unit_progress and unit_progress_step from history with the app’s rebuild function…');
  started = Date.now();
  const ds = new DataSource(dataSourceOptions(benchUrl));
  await ds.initialize();
  // One statement over the whole history: beyond the request time limits, as in the app (ProgressMaintainer.rebuild).
  const units = await ds.transaction((tx) => withLongStatements(tx, () => new ProgressRepository(tx).rebuild(null)));
  await ds.destroy();
  timings.rebuild = (Date.now() - started) / 1000;
  log(`  ${units} units in ${timings.rebuild.toFixed(1)} s`);
} else {
  await db.connect();
  log('Reusing rumbo_bench from an earlier run.');
}

const scale = (await db.query(`SELECT (SELECT count(*) FROM participation)::int AS states, (SELECT count(*) FROM institution)::int AS institutions,
  (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM unit_progress)::int AS units,
  (SELECT min(reported_on)::text FROM report) AS first, (SELECT max(reported_on)::text FROM report) AS last,
  (SELECT json_object_agg(review_state, n) FROM (SELECT review_state, count(*)::int AS n FROM report GROUP BY 1) x) AS reviews`)).rows[0];
log(`Scale: ${JSON.stringify(scale)}`);
const { rows: [author] } = await db.query(`SELECT id FROM app_user WHERE email = 'bench.coordinator@rumbo.test'`);

// ---------------------------------------------------------------------------------------------------------
// Load

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(sub) {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, iat: now, exp: now + 4 * 3600 })}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}
const auth = { authorization: `Bearer ${token(author.id)}` };

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function summarize(name, latencies, extra = {}) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { name, requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1), ...extra };
}

/** CPU time (ms) a process has used so far, from /proc (Linux); null when unreadable. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}
/** The database backends of the bench database (the app's pool), whose CPU time a scenario is charged. */
async function backendPids() {
  return (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = 'rumbo_bench' AND pid <> pg_backend_pid()`)).rows.map((r) => r.pid);
}
function cpuSum(pids) {
  const values = pids.map(cpuMs);
  return values.some((v) => v === null) ? null : values.reduce((a, b) => a + b, 0);
}

/** One autocannon run; latencies come from every response (so p95 is exact, not interpolated). */
async function load(name, opts) {
  const latencies = [];
  let errors = 0;
  const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const load1 = os.loadavg()[0];
  const pids = await backendPids();
  const before = { app: cpuMs(app.child.pid), db: cpuSum(pids), self: process.cpuUsage() };
  instance.on('response', (_client, status, _bytes, time) => {
    latencies.push(time);
    if (status >= 400) errors += 1;
  });
  const result = await instance;
  const n = result.requests.total || 1;
  const appNow = cpuMs(app.child.pid);
  const dbNow = cpuSum(pids);
  const self = process.cpuUsage(before.self);
  const row = summarize(name, latencies, {
    rps: result.requests.total / result.duration,
    errors: errors + result.errors + result.timeouts,
    loadavg: (load1 + os.loadavg()[0]) / 2,
    appCpu: appNow === null || before.app === null ? undefined : (appNow - before.app) / n,
    dbCpu: dbNow === null || before.db === null ? undefined : (dbNow - before.db) / n,
    toolCpu: (self.user + self.system) / 1000 / n,
  });
  const cpu = `CPU/request: app ${fmt(row.appCpu)} ms, database ${fmt(row.dbCpu)} ms, load tool ${fmt(row.toolCpu)} ms`;
  log(`  ${name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms${row.errors ? `, ${row.errors} errors` : ''}; ${cpu}; load ${row.loadavg.toFixed(1)}`);
  return row;
}

async function timed(url, init = {}) {
  const started = performance.now();
  const res = await fetch(url, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${body}`);
  return { ms, body: JSON.parse(body) };
}

app = await startApp();
const results = [];
try {
  const base = app.base;
  const national = `${base}/api/v1/programs/${PROGRAM_CODE}/progress`;
  const state = `${base}/api/v1/programs/${PROGRAM_CODE}/states/20/progress`;

  log(`Warming up (first computation of today's national figure, then caches)…`);
  const cold = await timed(national);
  log(`  first national request after start: ${cold.ms.toFixed(0)} ms`);
  await timed(state);

  log(`Load (${CONNECTIONS} connections, ${DURATION} s each, loopback):`);
  results.push(await load('GET /api/v1/health (floor)', { url: `${base}/api/v1/health` }));
  results.push(await load('GET national progress (today)', { url: national, headers: auth }));
  results.push(await load('GET one state’s progress (20, today)', { url: state, headers: auth }));
  results.push(await load('GET public national progress', { url: `${base}/api/v1/public/programs/${PROGRAM_CODE}/progress` }));
  log('Latency without queueing (1 connection, 5 s each):');
  results.push(await load('GET /api/v1/health, 1 connection', { url: `${base}/api/v1/health`, connections: 1, duration: 5 }));
  results.push(await load('GET national progress, 1 connection', { url: national, headers: auth, connections: 1, duration: 5 }));
  results.push(await load('GET one state’s progress, 1 connection', { url: state, headers: auth, connections: 1, duration: 5 }));

  log('Weekly national trend from the report history (GET …/progress/trend, every week since the first join):');
  const trendCold = await timed(`${national}/trend`);
  const trendWarm = await timed(`${national}/trend`);
  log(`  ${trendCold.body.points.length} points: first request ${trendCold.ms.toFixed(0)} ms, repeated (cached dates) ${trendWarm.ms.toFixed(0)} ms`);

  log('Past-date national figures (each date computed from the unit steps, uncached):');
  const past = [];
  const pastDays = [1, 7, 30, ...Array.from({ length: 12 }, (_, k) => (k + 1) * 55)];
  for (const days of pastDays) {
    const asOf = addDays(today, -days);
    const { ms } = await timed(`${national}?asOf=${asOf}`);
    past.push(ms);
    log(`  ${asOf} (${days} d back): ${ms.toFixed(0)} ms`);
  }
  results.push(summarize(`GET national progress, past date (uncached, ${pastDays.length} dates)`, past));
  const again = (await timed(`${national}?asOf=${addDays(today, -55)}`)).ms;
  log(`  past dates: p50 ${percentile([...past].sort((a, b) => a - b), 50).toFixed(0)} ms, max ${Math.max(...past).toFixed(0)} ms; the 55-day one again (cached): ${again.toFixed(1)} ms`);
  results.pastByDays = pastDays.map((d, k) => [d, past[k]]);

  // Report submission: random active institutions on included institution-level items, dated today.
  const { rows: targets } = await db.query(
    `SELECT p.state_code AS "stateCode", a.code AS "activityCode", i.id AS "institutionId"
       FROM institution i JOIN participation p ON p.id = i.participation_id
       JOIN plan_item pi ON pi.participation_id = p.id AND pi.included
       JOIN activity a ON a.id = pi.activity_id AND a.level = 'institution'
      WHERE i.exited_on IS NULL AND i.joined_on <= $1
      ORDER BY random() LIMIT 20000`,
    [today],
  );
  const before = Number((await db.query('SELECT count(*) AS n FROM report')).rows[0].n);
  // The floor again, right before the writes: what the machine allows at this concurrency at this moment.
  results.push(await load('GET /api/v1/health (floor, before the writes)', { url: `${base}/api/v1/health` }));
  let n = 0;
  results.push(
    await load('POST report (distinct Idempotency-Keys)', {
      url: base,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            const t = targets[n++ % targets.length];
            const percent = Math.floor(Math.random() * 101);
            const status = percent === 100 ? 'completed' : percent === 0 ? 'not_started' : 'in_progress';
            return {
              ...req,
              method: 'POST',
              path: `/api/v1/programs/${PROGRAM_CODE}/states/${t.stateCode}/reports`,
              headers: { ...req.headers, 'idempotency-key': randomUUID() },
              body: JSON.stringify({ activityCode: t.activityCode, institutionId: t.institutionId, status, percent, reportedOn: today }),
            };
          },
        },
      ],
    }),
  );
  const written = Number((await db.query('SELECT count(*) AS n FROM report')).rows[0].n) - before;
  log(`  ${written} reports written`);

  log('Reads right after a write (cache miss: the changed state is recomputed from unit_progress):');
  const afterWrite = { national: [], state: [] };
  for (let k = 0; k < 20; k++) {
    const t = targets[k];
    await timed(`${base}/api/v1/programs/${PROGRAM_CODE}/states/${t.stateCode}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ activityCode: t.activityCode, institutionId: t.institutionId, status: 'in_progress', percent: 50, reportedOn: today }),
    });
    afterWrite.state.push((await timed(`${base}/api/v1/programs/${PROGRAM_CODE}/states/${t.stateCode}/progress`)).ms);
    afterWrite.national.push((await timed(national)).ms);
  }
  results.push(summarize('GET one state’s progress right after a write', afterWrite.state));
  results.push(summarize('GET national progress right after a write', afterWrite.national));

  log('Exactness after the write load: maintained (API) vs from scratch (every row through the pure engine)…');
  const started = Date.now();
  const inputs = await loadInputs(db);
  let exact = true;
  for (const asOf of [today, addDays(today, -55), addDays(today, -385)]) {
    const api = (await timed(`${national}?asOf=${asOf}`)).body;
    const scratch = fromScratch(inputs, asOf);
    const same =
      JSON.stringify(pick(api.national)) === JSON.stringify(pick(scratch.national)) &&
      JSON.stringify(api.states.map(pickState)) === JSON.stringify(scratch.states.map(pickState)) &&
      JSON.stringify(api.phases.map(pickPhase)) === JSON.stringify(scratch.phases.map(pickPhase));
    log(`  ${asOf}: maintained == from scratch: ${same}`);
    if (!same) {
      log(`    API:     ${JSON.stringify(pick(api.national))} ${JSON.stringify(api.phases.map(pickPhase))}`);
      log(`    scratch: ${JSON.stringify(pick(scratch.national))} ${JSON.stringify(scratch.phases.map(pickPhase))}`);
    }
    exact &&= same;
  }
  log(`  from-scratch computations took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  results.exact = exact;
} finally {
  await stopApp(app);
}

function pick(n) {
  const { progress, validatedProgress, expected, variance, status, states, institutions, overdueItems, distribution } = n;
  return { progress, validatedProgress, expected, variance, status, states, institutions, overdueItems, distribution };
}
function pickState(s) {
  const { stateCode, progress, validatedProgress, expected, variance, status, overdueItems, onTimeRate, institutions } = s;
  return { stateCode, progress, validatedProgress, expected, variance, status, overdueItems, onTimeRate, institutions };
}

function pickPhase(p) {
  const { number, states, progress, validatedProgress, expected, variance, status } = p;
  return { number, states, progress, validatedProgress, expected, variance, status };
}

/** Every participation, plan item, institution and report of the program, as the pure engine's input. */
async function loadInputs(client) {
  const { rows: [program] } = await client.query(`SELECT id, threshold_at_risk::float8 AS "atRisk", threshold_off_track::float8 AS "offTrack" FROM program WHERE code = $1`, [PROGRAM_CODE]);
  const phases = (await client.query(`SELECT number FROM phase WHERE program_id = $1 ORDER BY number`, [program.id])).rows.map((r) => r.number);
  const parts = (await client.query(`SELECT id, state_code AS "stateCode", joined_on::text AS "joinedOn", exited_on::text AS "exitedOn" FROM participation WHERE program_id = $1`, [program.id])).rows;
  const byPart = new Map(parts.map((p) => [p.id, { participation: { stateCode: p.stateCode, joinedOn: p.joinedOn, exitedOn: p.exitedOn }, items: [], institutions: [], reports: [] }]));
  const items = (await client.query(
    `SELECT pi.participation_id AS pid, pi.id AS "itemId", a.code AS "activityCode", ph.number AS "phaseNumber", a.level, a.weight::float8 AS weight,
            pi.included, pi.planned_start::text AS "plannedStart", pi.planned_due::text AS "plannedDue"
       FROM plan_item pi JOIN activity a ON a.id = pi.activity_id JOIN phase ph ON ph.id = a.phase_id JOIN participation p ON p.id = pi.participation_id
      WHERE p.program_id = $1`, [program.id])).rows;
  const itemPart = new Map();
  for (const { pid, ...i } of items) {
    byPart.get(pid).items.push(i);
    itemPart.set(i.itemId, pid);
  }
  const insts = (await client.query(`SELECT participation_id AS pid, id, joined_on::text AS "joinedOn", exited_on::text AS "exitedOn" FROM institution ORDER BY id`)).rows;
  for (const { pid, ...i } of insts) byPart.get(pid)?.institutions.push(i);
  // Streamed in pages to keep memory flat, ordered by the bigint column r.seq (a bare "seq" would be the text alias).
  let last = '0';
  for (;;) {
    const { rows } = await client.query(
      `SELECT r.id, r.plan_item_id AS "itemId", r.institution_id AS "institutionId", r.status, r.percent::float8 AS percent,
              r.reported_on::text AS "reportedOn", r.seq::text AS seq, r.review_state AS "reviewState"
         FROM report r WHERE r.seq > $1::bigint ORDER BY r.seq LIMIT 200000`, [last]);
    if (!rows.length) break;
    for (const r of rows) {
      const pid = itemPart.get(r.itemId);
      if (pid) byPart.get(pid).reports.push({ id: r.id, itemId: r.itemId, institutionId: r.institutionId, status: r.status, percent: r.percent, reportedOn: r.reportedOn, createdAt: Number(r.seq), reviewState: r.reviewState });
    }
    last = rows.at(-1).seq;
  }
  const reports = [...byPart.values()].reduce((n, s) => n + s.reports.length, 0);
  const { rows: [{ total }] } = await client.query(`SELECT count(*)::int AS total FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1`, [program.id]);
  if (reports !== total) throw new Error(`from scratch: read ${reports} reports of ${total}`);
  return { states: [...byPart.values()], thresholds: { atRisk: program.atRisk, offTrack: program.offTrack }, phases };
}

/** SPEC §4 from scratch as of `asOf` (national, per state and per phase), rounded like the API. */
function fromScratch({ states, thresholds, phases }, asOf) {
  const participating = states.filter((s) => isActiveAt(s.participation, asOf)).map((s) => computeStateProgress(s, asOf, thresholds));
  const rounded = roundNationalProgress(aggregateNationalProgress(participating, asOf, thresholds));
  const r1 = (v) => (v === null ? null : round1(v));
  return {
    ...rounded,
    phases: aggregateNationalPhases(participating, thresholds, phases).map((p) => ({
      number: p.phaseNumber,
      states: p.states,
      progress: r1(p.progress),
      validatedProgress: r1(p.validatedProgress),
      expected: r1(p.expected),
      variance: r1(p.variance),
      status: p.status,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Report

const row = (name) => results.find((r) => r.name === name);
const health = row('GET /api/v1/health (floor)');
const nat = row('GET national progress (today)');
const st = row('GET one state’s progress (20, today)');
const pastRow = results.find((r) => r.name.startsWith('GET national progress, past date'));
const post = row('POST report (distinct Idempotency-Keys)');
log('');
log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s per scenario; load average now ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (timings.generate) log(`Data generation ${timings.generate.toFixed(0)} s, rebuild of unit_progress and unit_progress_step ${timings.rebuild.toFixed(0)} s`);
log('');
log('| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | load avg | CPU ms/req: app | database | load tool |');
log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  log(`| ${r.name} | ${r.rps === undefined ? '' : fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.errors ?? 0} | ${r.loadavg === undefined ? '' : r.loadavg.toFixed(1)} | ${fmt(r.appCpu)} | ${fmt(r.dbCpu)} | ${fmt(r.toolCpu)} |`);
}
log('');
log(`Past dates (days back: ms): ${results.pastByDays.map(([d, ms]) => `${d} d ${ms.toFixed(0)}`).join(', ')}`);
log('');
const check = (label, ok, detail) => log(`${ok ? 'PASS' : 'MISS'}  ${label} (${detail})`);
check('national p50 within 3× of health p50', nat.p50 <= 3 * health.p50, `${fmt(nat.p50)} ms vs 3 × ${fmt(health.p50)} ms at ${CONNECTIONS} connections`);
const h1 = row('GET /api/v1/health, 1 connection');
const n1 = row('GET national progress, 1 connection');
check('national p50 within 3× of health p50, 1 connection', n1.p50 <= 3 * h1.p50, `${fmt(n1.p50)} ms vs 3 × ${fmt(h1.p50)} ms`);
check('national ≥ 500 req/s', nat.rps >= 500, `${fmt(nat.rps)} req/s`);
check('one state p95 < 50 ms', st.p95 < 50, `${fmt(st.p95)} ms`);
check('past-date national < 1 s', pastRow.max < 1000, `max ${fmt(pastRow.max)} ms over ${pastRow.requests} dates`);
const cpuPerPost = (post.appCpu ?? NaN) + (post.dbCpu ?? NaN) + post.toolCpu;
check('≥ 300 report submissions/s', post.rps >= 300 && post.errors === 0, `${fmt(post.rps)} req/s, ${post.errors} errors`);
log(`      (CPU per submission: app ${fmt(post.appCpu)} + database ${fmt(post.dbCpu)} + load tool ${fmt(post.toolCpu)} ms; upper bound on ${os.cpus().length} otherwise idle cores, ignoring kernel and WAL-writer time: ${Number.isNaN(cpuPerPost) ? '?' : fmt((os.cpus().length * 1000) / cpuPerPost)} req/s)`);
check('figures exact after the write load', results.exact === true, 'maintained national, per-phase and per-state == from scratch, today and two past dates');

await db.end();
await stopServer();
if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
