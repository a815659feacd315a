import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { AppConfig } from '../../../platform/src/config/app-config.js';
import { addDays, daysBetween } from '../../../platform/src/util/dates.js';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ConvocatoriaService } from '../convocatoria/convocatoria.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { PlansService } from '../plans/plans.service.js';
import { ReplanRequestsService } from '../plans/replan-requests.service.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { seedDemoReportingRounds } from '../reporting-rounds/demo-reporting-rounds.js';
import { ReportingRoundsService } from '../reporting-rounds/reporting-rounds.service.js';
import { ReportWriteHooks } from '../reports/report-write-hooks.js';
import { ReviewRoundsService } from '../reviews/review-rounds.service.js';
import { seedDemoConsultations } from './demo-consultations.js';
import { seedDemoConvocatoria } from './demo-convocatoria.js';
import { seedDemoReports } from './demo-reports.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { demoInstitutions } from './demo-institutions.js';
import { DEMO_PARTICIPATIONS, DEMO_PASSWORD, demoUsers, MODEL_PROGRAM_CODE } from './demo-users.js';

/**
 * Demo mode: on an empty database (no users yet), seeds the demo users, the eleven states of the
 * commission's minutes with their plans, a few institutions each, some re-planning, and report histories.
 * Goes through the same services as the API, so the data obeys the same rules and is audited.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly plans: PlansService,
    private readonly replanRequests: ReplanRequestsService,
    private readonly institutions: InstitutionsService,
    private readonly reportingRounds: ReportingRoundsService,
    private readonly reportHooks: ReportWriteHooks,
    private readonly reviewRounds: ReviewRoundsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly convocatoria: ConvocatoriaService,
    private readonly consultations: ConsultationsService,
    private readonly programs: ProgramsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demo) await this.seedIfEmpty();
  }

  /** Seeds only a database without users, so restarting never duplicates anything. */
  async seedIfEmpty(): Promise<boolean> {
    await this.reference.ensureLoaded();
    if ((await this.users.countAll()) > 0) return false;
    await this.seed();
    return true;
  }

  async seed(): Promise<void> {
    const started = Date.now();
    const created = new Map<string, AuthUser>();
    for (const u of demoUsers()) {
      const r = await this.usersService.create(null, { ...u, password: DEMO_PASSWORD });
      created.set(u.email, { id: r.id, email: r.email, name: r.name, role: r.role, stateCode: r.stateCode });
    }
    const coordinator = created.get('coordinator@rumbo.demo')!;
    const today = this.clock.today();
    const officers = new Map([...created.values()].filter((u) => u.stateCode).map((u) => [u.stateCode!, u]));
    // The program's versions and the consultation on its draft, before anyone joined.
    await seedDemoConsultations(this.consultations, coordinator, await this.programs.exportProgram(MODEL_PROGRAM_CODE));
    // The states join through the convocatoria (its `joined` step creates each participation and plan).
    await seedDemoConvocatoria(this.convocatoria, coordinator, officers, today);
    for (const { stateCode, joinedOn } of DEMO_PARTICIPATIONS) {
      const officer = created.get(`officer.${stateCode}@rumbo.demo`)!;
      // Institutions register during the call (phase 3: days 135–195 after joining), never in the future.
      const institutions = demoInstitutions(stateCode);
      for (const [i, inst] of institutions.entries()) {
        const joined = addDays(joinedOn, 150 + i * 7);
        if (daysBetween(joined, today) < 0) continue;
        await this.institutions.register(officer, MODEL_PROGRAM_CODE, stateCode, { name: inst.name, acronym: inst.acronym, order: inst.order, joinedOn: joined });
      }
      await this.replanExamples(officer, coordinator, stateCode);
    }
    // Report histories go through the report write hooks, so derived progress data is maintained as usual.
    const reports = await seedDemoReports(this.dataSource, today, { storage: this.storage, hooks: this.reportHooks });
    const rounds = await seedDemoReportingRounds(this.reportingRounds, { programId: MODEL_PROGRAM_CODE, coordinator, officers, today });
    await this.reviewRoundExample(created.get('reviewer@rumbo.demo')!, today);
    this.logger.log(`Demo: ${reports.reports} reports (${reports.accepted} accepted, ${reports.returned} returned), ${rounds.rounds} reporting rounds, ${rounds.submissions} submissions`);
    this.logger.log(`Demo data seeded in ${Date.now() - started} ms`);
  }

  /** A closed review round of the first half of 2026 with the commission's findings, once that date has passed. */
  private async reviewRoundExample(reviewer: AuthUser, today: string): Promise<void> {
    const asOf = '2026-06-30';
    if (daysBetween(asOf, today) < 15) return;
    const round = await this.reviewRounds.create(reviewer, MODEL_PROGRAM_CODE, { title: 'Revisión semestral enero–junio 2026', asOf });
    const findings = [
      { type: 'delay' as const, stateCode: '28', activityCode: '3.1', description: 'La convocatoria a sujetos obligados se emitió fuera del plazo del programa estatal.', dueOn: '2026-08-31' },
      { type: 'missing_evidence' as const, stateCode: '07', activityCode: '2.1', description: 'Faltan las listas de asistencia de las jornadas de sensibilización reportadas.', dueOn: '2026-07-31' },
      { type: 'data_error' as const, stateCode: '04', activityCode: '4.4', description: 'Dos conjuntos de datos reportados apuntan a la misma dirección electrónica.' },
    ];
    for (const f of findings) await this.reviewRounds.addFinding(reviewer, MODEL_PROGRAM_CODE, round.code, f);
    // A demo reference: the commission's real agreement numbers are assigned in its sessions.
    await this.reviewRounds.close(reviewer, MODEL_PROGRAM_CODE, round.code, { agreementReference: 'DEMO/CEATP/ACUERDO/2026-07' });
  }

  /**
   * Re-planning with justifications, so the plans show what adapting the program looks like: an optional activity
   * left out (applies at once), a deadline moved later (the officer asks, the coordination approves), and in Oaxaca
   * one later deadline still waiting for the coordination's decision.
   */
  private async replanExamples(officer: AuthUser, coordinator: AuthUser, stateCode: string): Promise<void> {
    const n = Number(stateCode);
    if (n % 3 === 0) {
      await this.plans.replan(officer, MODEL_PROGRAM_CODE, stateCode, '4.6', { included: false, justification: 'El organismo garante decidió no incluir la promoción de uso en esta etapa por falta de presupuesto.' });
    }
    const plan = await this.plans.getPlan(officer, MODEL_PROGRAM_CODE, stateCode);
    const later = async (activityCode: string, days: number, justification: string) => {
      const item = plan.items.find((i) => i.activityCode === activityCode)!;
      const outcome = await this.plans.replan(officer, MODEL_PROGRAM_CODE, stateCode, activityCode, { plannedDue: addDays(item.plannedDue, days), justification, version: item.version });
      return outcome.kind === 'pending' ? outcome.request : null;
    };
    if (n % 2 === 0) {
      const request = await later('3.1', 30, 'La convocatoria se amplió 30 días a petición de los sujetos obligados municipales.');
      if (request) await this.replanRequests.decide(coordinator, MODEL_PROGRAM_CODE, request.id, { decision: 'approve', reason: 'Se aprueba: la ampliación no compromete las fases siguientes.' });
    }
    if (stateCode === '20') await later('5.2', 21, 'El informe final se presentará tras la sesión del órgano de gobierno de enero.');
  }
}
