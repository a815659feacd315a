import { simpleParser } from 'mailparser';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import { MailJobsService } from '../../libs/core/src/mail/mail-jobs.service.js';
import { MailOutbox, MAX_ATTEMPTS } from '../../libs/core/src/mail/mail-outbox.js';
import { DailyJobsService, type JobOutcome } from '../../libs/core/src/progress/jobs/daily-jobs.service.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { startSmtp } from '../../libs/testing/src/smtp-server.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// The state joins on 2025-03-01: 1.1 due 03-11 (overdue on 03-15 in state 20), 1.2 due 03-21 (due soon), 1.3 due 04-10.
const DAY = '2025-03-15';

describe('Email: deadline notices and weekly digests by SMTP, queued once across instances and recorded', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: TestApp;
  let b: TestApp;
  let program: Program;
  let officer20: AuthUser;
  let officer21: AuthUser;
  let coordinator: AuthUser;
  let reviewer: AuthUser;
  let admin: AuthUser;
  /** `coordinator` and the one the requests below are signed in as. */
  let coordinators: string[];

  beforeAll(async () => {
    smtp = await startSmtp();
    // The retry schedule is pushed out of the way: the tests deliver when they mean to.
    const env = { SMTP_URL: smtp.url, RUMBO_MAIL_FROM: 'Rumbo CONDATOS <avisos@rumbo.test>', RUMBO_PUBLIC_URL: 'https://rumbo.example.mx', RUMBO_MAIL_RETRY_CRON: '0 0 1 1 *' };
    a = await createTestApp(env);
    b = await createTestApp(env, { databaseUrl: a.databaseUrl });
    for (const t of [a, b]) t.clock.set(DAY);
    ({ program } = await a.programs.program([
      { code: '1.1', durationDays: 10 },
      { code: '1.2', durationDays: 20 },
      { code: '1.3', durationDays: 40 },
    ]));
    await a.programs.enrol(program.id, '20', '2025-03-01');
    await a.programs.enrol(program.id, '21', '2025-03-01');
    officer20 = await a.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca' });
    officer21 = await a.users.create({ role: 'state_officer', stateCode: '21', name: 'Enlace Puebla' });
    coordinator = await a.users.create({ role: 'coordinator', name: 'Coordinación' });
    reviewer = await a.users.create({ role: 'reviewer', name: 'Comisión' });
    admin = await a.users.create({ role: 'admin', name: 'Administración' });
    await a.users.create({ role: 'coordinator', name: 'Ex coordinador', active: false });
    // State 21 finished 1.1 and 1.2: only 20 has an overdue item, both have nothing else due within 7 days but 20's 1.2.
    const coord = (await a.as('coordinator')).auth;
    coordinators = [coordinator.email, (await a.as('coordinator')).user.email].sort();
    for (const code of ['1.1', '1.2']) {
      await a.http().post(`/api/v1/programs/${program.code}/states/21/reports`).set(coord).send({ activityCode: code, status: 'completed', percent: 100, reportedOn: '2025-03-10' }).expect(201);
    }
    await a.http().post(`/api/v1/programs/${program.code}/states/20/reports`).set(coord).send({ activityCode: '1.1', status: 'in_progress', percent: 40, reportedOn: '2025-03-09' }).expect(201);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await smtp?.close();
  });

  const mine = (outcomes: JobOutcome[]) => outcomes.filter((o) => o.programId === program.id);
  const ours = () => smtp.received.filter((m) => m.subject.includes(program.code));
  const rows = () =>
    a.dataSource.query(
      `SELECT kind, occasion::text, recipient_email AS "to", status, attempts, message_id IS NOT NULL AS "hasMessageId", sent_at IS NOT NULL AS "hasSentAt", last_error AS "lastError"
         FROM email_message WHERE program_id = $1 ORDER BY kind, recipient_email`,
      [program.id],
    );

  it('deadline notices wait for the day’s notifications, then go out once to each officer concerned and each coordinator, even with two instances at once', async () => {
    const [ma, mb] = [a, b].map((t) => t.app.get(MailJobsService));
    expect(mine(await ma.queueDeadlineNotices(DAY))).toEqual([expect.objectContaining({ job: 'deadline-emails', outcome: 'waiting' })]);
    expect(await rows()).toEqual([]);

    await a.app.get(DailyJobsService).runDailyJobs(DAY);
    const outcomes = mine((await Promise.all([ma, mb, ma, mb].map((m) => m.queueDeadlineNotices(DAY)))).flat());
    expect(outcomes.filter((o) => o.outcome === 'ran')).toHaveLength(1);
    expect(outcomes.find((o) => o.outcome === 'ran')!.result).toEqual({ notices: 2, queued: 3 });
    await Promise.all([a, b, a].map((t) => t.app.get(MailOutbox).deliverPending()));

    const received = ours();
    expect(received.map((m) => m.to).sort()).toEqual([...coordinators, officer20.email].sort());
    const toOfficer = received.find((m) => m.to === officer20.email)!;
    expect(toOfficer.from).toBe('"Rumbo CONDATOS" <avisos@rumbo.test>');
    expect(toOfficer.subject).toBe(`Oaxaca: 1 actividad vencida y 1 por vencer (${program.code}, 15 de marzo de 2025)`);
    expect(toOfficer.text).toContain('estas actividades del programa estatal de Oaxaca requieren atención');
    expect(toOfficer.text).toContain('1.1 Actividad 1.1: vencida desde el 11 de marzo de 2025; avance 40.0 %');
    expect(toOfficer.text).toContain('1.2 Actividad 1.2: vence el 21 de marzo de 2025');
    expect(toOfficer.text).toContain('https://rumbo.example.mx');
    const toCoordination = received.find((m) => m.to === coordinator.email)!;
    expect(toCoordination.subject).toMatch(/^Coordinación nacional: 1 actividad vencida y 1 por vencer/);
    expect(toCoordination.text).toContain('Oaxaca\n');

    // Recorded: each sent once, with the server's Message-ID. Nobody else (officer 21, reviewer, admin, the inactive user).
    expect(await rows()).toEqual([...coordinators, officer20.email].sort().map((to) => ({ kind: 'deadline_notice', occasion: DAY, to, status: 'sent', attempts: 1, hasMessageId: true, hasSentAt: true, lastError: null })));
    expect(received.some((m) => [officer21.email, reviewer.email, admin.email].includes(m.to))).toBe(false);

    // The record, for the coordination: what went out, to whom, and the server's Message-ID.
    const log = await a.http().get(`/api/v1/programs/${program.code}/email-messages?kind=deadline_notice`).set((await a.as('coordinator')).auth).expect(200);
    expect(log.body.total).toBe(3);
    expect(log.body.items.find((m: { recipientEmail: string }) => m.recipientEmail === officer20.email)).toMatchObject({ kind: 'deadline_notice', occasion: DAY, subject: toOfficer.subject, status: 'sent', attempts: 1, lastError: null, messageId: expect.stringMatching(/^<.+>$/), sentAt: expect.any(String) });
    expect(log.body.items[0].body).toContain('requieren atención');

    // The same day again: already done, nothing queued or sent.
    expect(mine(await mb.queueDeadlineNotices(DAY)).map((o) => o.outcome)).toEqual(['already_done']);
    await b.app.get(MailOutbox).deliverPending();
    expect(ours()).toHaveLength(3);
  });

  it('the weekly digest: one per person per week — the national figures and review queue for the coordination, its state for an officer', async () => {
    const before = ours().length;
    const mails = a.app.get(MailJobsService);
    // Wednesday 2025-03-19: the digest of the week of Monday 03-17, with the figures of that day.
    a.clock.set('2025-03-19');
    // Puebla asks for a later deadline: it waits for the coordination, which the digest reminds of.
    await a.http().patch(`/api/v1/programs/${program.code}/states/21/plan/1.3`).set(await a.authFor(officer21)).send({ plannedDue: '2025-05-30', justification: 'La institución cambió de titular y pide más tiempo.' }).expect(202);
    expect(mine(await mails.queueWeeklyDigests('2025-03-19'))).toEqual([expect.objectContaining({ job: 'weekly-digest', date: '2025-03-17', outcome: 'ran' })]);
    expect(mine(await b.app.get(MailJobsService).queueWeeklyDigests('2025-03-21')).map((o) => o.outcome)).toEqual(['already_done']);
    await a.app.get(MailOutbox).deliverPending();

    const digests = ours().slice(before);
    expect(digests.map((m) => m.to).sort()).toEqual([...coordinators, officer20.email, officer21.email, reviewer.email].sort());
    const national = digests.find((m) => m.to === coordinator.email)!;
    expect(national.subject).toBe(`Resumen semanal del ${program.code}: semana del 17 de marzo de 2025`);
    expect(national.text).toContain('Resumen para la coordinación nacional, con cifras al 19 de marzo de 2025.');
    expect(national.text).toMatch(/Avance nacional: \d+\.\d %/);
    expect(national.text).toContain('Reportes pendientes de revisión: 3');
    expect(national.text).toContain('Re-planificaciones pendientes de aprobación: 1');
    expect(digests.find((m) => m.to === reviewer.email)!.text).not.toContain('pendientes de revisión');
    expect(digests.find((m) => m.to === reviewer.email)!.text).not.toContain('pendientes de aprobación');
    const puebla = digests.find((m) => m.to === officer21.email)!;
    expect(puebla.subject).toBe(`Puebla: resumen semanal del ${program.code}, semana del 17 de marzo de 2025`);
    expect(puebla.text).toContain('Actividades concluidas: 2; vencidas: 0');
    expect(digests.find((m) => m.to === officer20.email)!.text).toContain('1.1 Actividad 1.1: vencida desde el 11 de marzo de 2025');
    expect((await rows()).filter((r: { kind: string }) => r.kind === 'weekly_digest').every((r: { status: string; occasion: string }) => r.status === 'sent' && r.occasion === '2025-03-17')).toBe(true);
  });

  it('a refused email stays pending with the error for the retry, and after the last attempt is recorded as failed', async () => {
    const mails = a.app.get(MailJobsService);
    const outbox = a.app.get(MailOutbox);
    smtp.refuse.add(officer20.email);
    // 03-22: 1.2 of state 20 (due 03-21) became overdue.
    await a.app.get(DailyJobsService).runDailyJobs('2025-03-22');
    expect(mine(await mails.queueDeadlineNotices('2025-03-22'))[0]).toMatchObject({ outcome: 'ran', result: { notices: 1, queued: 3 } });
    const tally = { sent: 0, failed: 0 };
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
      const r = await outbox.deliverPending();
      tally.sent += r.sent;
      tally.failed += r.failed;
    }
    const notice = (await rows()).filter((r: { occasion: string; kind: string }) => r.occasion === '2025-03-22' && r.kind === 'deadline_notice');
    expect(notice.find((r: { to: string }) => r.to === officer20.email)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, hasSentAt: false, lastError: expect.stringContaining('mailbox unavailable') });
    expect(notice.find((r: { to: string }) => r.to === coordinator.email)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(tally).toEqual({ sent: 2, failed: MAX_ATTEMPTS });
    expect(ours().filter((m) => m.to === officer20.email && m.subject.includes('22 de marzo'))).toEqual([]);
    smtp.refuse.clear();
  });

  // Last: signing in as more users adds recipients.
  it('the email record is the coordination’s and the admin’s; bad filters are a 400 on their fields', async () => {
    await a.http().get(`/api/v1/programs/${program.code}/email-messages`).set((await a.as('state_officer', '20')).auth).expect(403);
    await a.http().get(`/api/v1/programs/${program.code}/email-messages`).set((await a.as('reviewer')).auth).expect(403);
    const bad = await a.http().get(`/api/v1/programs/${program.code}/email-messages?status=lost&limit=0`).set((await a.as('admin')).auth).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'status']);
    await a.http().get('/api/v1/programs/no-such-program/email-messages').set((await a.as('admin')).auth).expect(404);
  });

  it('schedules every job at the times the settings give, in their time zone; the email ones only with SMTP_URL', async () => {
    const schedule = (t: TestApp) => [...t.app.get(SchedulerRegistry).getCronJobs()].map(([name, job]) => [name, job.cronTime.source, job.cronTime.timeZone, job.isActive]);
    expect(schedule(a)).toEqual([
      ['daily-jobs', '0 2,3,4 * * *', 'America/Mexico_City', true],
      ['weekly-digest', '0 8 * * 1', 'America/Mexico_City', true],
      ['mail-retry', '0 0 1 1 *', 'America/Mexico_City', true],
    ]);
    const other = await createTestApp({ RUMBO_DAILY_JOBS_CRON: '15 1 * * *', RUMBO_JOBS_TIME_ZONE: 'America/Tijuana' }, { databaseUrl: a.databaseUrl });
    try {
      expect(schedule(other)).toEqual([['daily-jobs', '15 1 * * *', 'America/Tijuana', true]]);
    } finally {
      await other.close();
    }
  });

  it('without SMTP_URL nothing is queued nor sent', async () => {
    const off = await createTestApp({}, { databaseUrl: a.databaseUrl });
    try {
      const count = async () => Number((await a.dataSource.query('SELECT count(*) AS n FROM email_message'))[0].n);
      const before = await count();
      expect(await off.app.get(MailJobsService).queueDeadlineNotices('2025-03-23')).toEqual([]);
      expect(await off.app.get(MailJobsService).queueWeeklyDigests('2025-03-24')).toEqual([]);
      expect(await off.app.get(MailOutbox).deliverPending()).toEqual({ sent: 0, failed: 0 });
      expect(await count()).toBe(before);
    } finally {
      await off.close();
    }
  });
});
