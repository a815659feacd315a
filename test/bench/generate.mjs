// National-scale data for the benchmark, generated with set-based SQL in the bench database: the model program
// (condatos-2024, loaded by the app's reference data), 32 participations joined about two years ago, their plans,
// 10,000 institutions and 1,000,000 reports over two years with a realistic review mix. Deterministic (setseed).
//
// Reports are bulk-inserted with session_replication_role = replica, which skips foreign-key triggers during the
// load (the rows are consistent by construction) and keeps generation within a few minutes. unit_progress is then
// built by the app's own rebuild function (ProgressRepository.rebuild), not here.

export const PROGRAM_CODE = 'condatos-2024';
export const INSTITUTIONS = 10_000;
export const REPORTS = 1_000_000;

/**
 * @param {import('pg').Client} db connected to the bench database (migrated, reference data loaded)
 * @param {{ today: string, log: (line: string) => void }} opts
 */
export async function generate(db, { today, log }) {
  const q = async (label, sql, params = []) => {
    const started = Date.now();
    const res = await db.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? ''} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return res;
  };
  const { rows: [program] } = await db.query(`SELECT id FROM program WHERE code = $1`, [PROGRAM_CODE]);
  if (!program) throw new Error(`program ${PROGRAM_CODE} not found: was the reference data loaded?`);
  await db.query(`SELECT setseed(0.2024)`);

  // A coordinator (author and reviewer of the generated reports, and the benchmark's caller).
  const { rows: [author] } = await q(
    'coordinator',
    `INSERT INTO app_user (email, password_hash, name, role, state_code, active)
     VALUES ('bench.coordinator@rumbo.test', 'not-a-login', 'Coordinación (benchmark)', 'coordinator', NULL, true)
     RETURNING id`,
  );

  // 32 states joined between 730 and 637 days ago (3 days apart).
  await q(
    'participations',
    `INSERT INTO participation (program_id, state_code, joined_on)
     SELECT $1, s.code, $2::date - 730 + (row_number() OVER (ORDER BY s.code))::int * 3 - 3
       FROM state s`,
    [program.id, today],
  );
  // Plans: one item per activity; a quarter of the states excluded the optional 1.3 and 4.6.
  await q(
    'plan items',
    `INSERT INTO plan_item (participation_id, activity_id, included, planned_start, planned_due, original_start, original_due)
     SELECT p.id, a.id,
            NOT (a.optional AND a.code IN ('1.3', '4.6') AND p.state_code::int % 4 = 0),
            p.joined_on + a.start_day, p.joined_on + a.start_day + a.duration_days,
            p.joined_on + a.start_day, p.joined_on + a.start_day + a.duration_days
       FROM participation p JOIN activity a ON a.program_id = p.program_id
      WHERE p.program_id = $1`,
    [program.id],
  );
  // 10,000 institutions registered during the call (days 150–210 after joining); 1 in 20 exited later.
  await q(
    'institutions',
    `INSERT INTO institution (participation_id, name, name_key, acronym, order_of_government, joined_on, exited_on)
     SELECT p.id, 'Institución ' || g, 'institucion ' || g, 'INST' || g,
            (ARRAY['federal', 'state', 'municipal'])[1 + g % 3],
            p.joined_on + 150 + (g * 7) % 60,
            CASE WHEN g % 20 = 0 THEN p.joined_on + 300 + g % 200 END
       FROM generate_series(1, $2::int) g
       JOIN (SELECT id, joined_on, row_number() OVER (ORDER BY state_code) - 1 AS k FROM participation WHERE program_id = $1) p ON p.k = g % 32`,
    [program.id, INSTITUTIONS],
  );

  await db.query(`SET session_replication_role = replica`);
  // The units and the date window each can report in: from its item's start (and the institution's joining)
  // to today (or the day before the institution exited). State-level units get 30 reports each; institution
  // units share the rest (about 17 each), trimmed at random to exactly REPORTS.
  await db.query(`
    CREATE TEMP TABLE bench_unit AS
    SELECT pi.id AS item_id, i.id AS inst_id, GREATEST(pi.planned_start, i.joined_on) AS s,
           LEAST($1::date, COALESCE(i.exited_on - 1, $1::date)) AS e, 0 AS n
      FROM plan_item pi JOIN activity a ON a.id = pi.activity_id AND a.level = 'institution'
      JOIN institution i ON i.participation_id = pi.participation_id
     WHERE pi.included AND pi.planned_start <= $1::date
    UNION ALL
    SELECT pi.id, NULL, pi.planned_start, $1::date, 30
      FROM plan_item pi JOIN activity a ON a.id = pi.activity_id AND a.level = 'state'
     WHERE pi.included AND pi.planned_start <= $1::date`, [today]);
  await db.query(`DELETE FROM bench_unit WHERE e < s`);
  await db.query(
    `UPDATE bench_unit SET n = (SELECT ceil(($1 - sum(n)) / count(*) FILTER (WHERE inst_id IS NOT NULL)::numeric)::int FROM bench_unit)
      WHERE inst_id IS NOT NULL`,
    [REPORTS],
  );
  await db.query(`CREATE TEMP TABLE bench_slot AS SELECT u.item_id, u.inst_id, u.s, u.e, u.n, k FROM bench_unit u, generate_series(0, u.n - 1) k`);
  const { rows: [{ slots }] } = await db.query(`SELECT count(*)::int AS slots FROM bench_slot`);
  if (slots > REPORTS) await db.query(`DELETE FROM bench_slot WHERE ctid IN (SELECT ctid FROM bench_slot ORDER BY random() LIMIT $1)`, [slots - REPORTS]);

  // The k-th of n reports of a unit is dated k/n of the way through its window (with jitter) and climbs to 100
  // with noise and the odd setback; older reports are mostly reviewed (75 % accepted, 10 % returned), the last
  // month's mostly still waiting.
  await q(
    'reports',
    `INSERT INTO report (plan_item_id, institution_id, status, percent, reported_on, narrative, author_id,
                         review_state, review_reason, reviewed_by_id, reviewed_at, created_at)
     SELECT item_id, inst_id,
            CASE WHEN pct = 100 THEN 'completed' WHEN pct = 0 THEN 'not_started' WHEN r3 < 0.03 THEN 'blocked' ELSE 'in_progress' END,
            pct, day, NULL, $1,
            review, CASE WHEN review = 'returned' THEN 'Falta evidencia suficiente.' END,
            CASE WHEN review <> 'submitted' THEN $1::uuid END,
            CASE WHEN review <> 'submitted' THEN day + 3 END,
            day::timestamptz + interval '12 hours'
       FROM (
         SELECT *, CASE WHEN day < $2::date - 30
                        THEN CASE WHEN r2 < 0.75 THEN 'accepted' WHEN r2 < 0.85 THEN 'returned' ELSE 'submitted' END
                        ELSE CASE WHEN r2 < 0.15 THEN 'accepted' WHEN r2 < 0.20 THEN 'returned' ELSE 'submitted' END END AS review
           FROM (
             SELECT item_id, inst_id, random() AS r2, random() AS r3,
                    s + LEAST(e - s, GREATEST(0, floor((e - s) * (k + random()) / n)::int)) AS day,
                    LEAST(100, GREATEST(0, CASE WHEN random() < 0.05 THEN 0
                                                ELSE round(100.0 * (k + 1) / n * (0.75 + 0.5 * random()))::int END)) AS pct
               FROM bench_slot
           ) x
       ) y
      ORDER BY day, item_id`,
    [author.id, today],
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query(`DROP TABLE bench_slot, bench_unit`);
  await q('vacuum analyze', `VACUUM ANALYZE`);
  return { programId: program.id, authorId: author.id };
}
