import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException, type FieldError } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import { toProgramDocument, toProgramResponse, toProgramSummaryResponse, type ProgramParts, type ProgramResponse, type ProgramSummaryResponse } from './dto/program.response.js';
import type { Program } from './program.entity.js';
import { canonicalProgramDocument, checkProgramDocument, type ProgramDocument, type ProgramDocumentInput } from './program-document.js';
import { ProgramsRepository } from './programs.repository.js';

const EMPTY_COUNTS = { phases: 0, activities: 0, indicators: 0, participations: 0 };

/**
 * Programs are data: created, replaced and exported as one JSON document (SPEC §5). Every route may read
 * them; only the coordinator imports and exports (enforced by the controller's decorators).
 */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly states: StatesRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ProgramSummaryResponse[]> {
    const [programs, counts] = await Promise.all([this.programs.findAll(), this.programs.countAll()]);
    return programs.map((p) => toProgramSummaryResponse(p, counts.get(p.id) ?? EMPTY_COUNTS));
  }

  /** The program with `today` in its time zone (what date pickers offer as the latest date). */
  async get(idOrCode: string): Promise<ProgramResponse> {
    const program = await this.find(idOrCode);
    return toProgramResponse(await this.loadParts(this.programs, program), this.clock.today(program.timeZone));
  }

  async exportProgram(idOrCode: string): Promise<ProgramDocument> {
    return toProgramDocument(await this.loadParts(this.programs, await this.find(idOrCode)));
  }

  /**
   * Creates the program, or replaces the one with the same code. Once states have joined, their plans are
   * dated from the activities, so only what does not move a plan may change (see `assertPlansUntouched`).
   */
  async importProgram(actor: AuthUser | null, input: ProgramDocumentInput): Promise<ProgramResponse> {
    return (await this.write(actor, input, { onlyIfAbsent: false }))!;
  }

  /** Start-up loading of shipped programs: never touches a program that already exists (it may be edited). */
  async importIfAbsent(input: ProgramDocumentInput): Promise<boolean> {
    if (await this.programs.existsByCode(input.code)) return false;
    return (await this.write(null, input, { onlyIfAbsent: true })) !== null;
  }

  /**
   * `checkProgramDocument` with what it is checked against: the known states and the templates uploaded to the
   * program (`programId`; null for a program not created yet, which has none). Templates are never deleted, so
   * reading them outside the writing transaction is safe.
   */
  async checkDocument(doc: ProgramDocument, programId: string | null): Promise<FieldError[]> {
    const knownStates = new Set((await this.states.findAll()).map((s) => s.code));
    const templates = programId ? await this.programs.findTemplateIds(programId) : new Set<string>();
    return checkProgramDocument(doc, knownStates, templates);
  }

  private async find(idOrCode: string): Promise<Program> {
    const program = await this.programs.findByIdOrCode(idOrCode);
    if (!program) throw new NotFoundException(`Program ${idOrCode} not found`);
    return program;
  }

  // One query after another: inside a transaction they share one connection.
  private async loadParts(repo: ProgramsRepository, program: Program): Promise<ProgramParts> {
    const phases = await repo.findPhases(program.id);
    const activities = await repo.findActivities(program.id);
    const formats = await repo.findFormats(program.id);
    const indicators = await repo.findIndicators(program.id);
    const targets = await repo.findTargets(program.id);
    return { program, phases, activities, formats, indicators, targets };
  }

  private async write(actor: AuthUser | null, input: ProgramDocumentInput, opts: { onlyIfAbsent: boolean }): Promise<ProgramResponse | null> {
    const doc = canonicalProgramDocument(input);
    const existing = await this.programs.findByIdOrCode(doc.code);
    const errors = await this.checkDocument(doc, existing?.id ?? null);
    if (errors.length) throw new FieldValidationException(errors, 'The program document is not valid');

    return this.dataSource.transaction(async (tx) => {
      const repo = this.programs.forTx(tx);
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`program:${doc.code}`]);
      const existing = await repo.findByCodeForUpdate(doc.code);
      if (existing && opts.onlyIfAbsent) return null;
      const current = existing ? await this.loadParts(repo, existing) : null;
      if (current && (await repo.countParticipations(current.program.id)) > 0) assertPlansUntouched(toProgramDocument(current), doc);

      const program = await this.store(repo, current, doc);
      const parts = await this.loadParts(repo, program);
      await this.audit.forTx(tx).record({
        actor,
        action: current ? 'program.replace' : 'program.import',
        entityType: 'program',
        entityId: program.id,
        programId: program.id,
        before: current ? summary(toProgramDocument(current)) : null,
        after: summary(doc),
      });
      return toProgramResponse(parts, this.clock.today(program.timeZone));
    });
  }

  /** Writes the document, keeping the rows (and ids) of phases, activities and indicators whose keys stay. */
  private async store(repo: ProgramsRepository, current: ProgramParts | null, doc: ProgramDocument): Promise<Program> {
    const program = await repo.saveProgram({
      ...(current?.program ?? {}),
      code: doc.code,
      name: doc.name,
      description: doc.description,
      approvedOn: doc.approvedOn,
      approvalReference: doc.approvalReference,
      timeZone: doc.timeZone,
      thresholdAtRisk: doc.thresholds.atRisk,
      thresholdOffTrack: doc.thresholds.offTrack,
      status: doc.status,
    });

    const oldPhases = new Map((current?.phases ?? []).map((p) => [p.number, p]));
    const phases = await repo.savePhases(doc.phases.map((p) => ({ id: oldPhases.get(p.number)?.id, programId: program.id, number: p.number, name: p.name, description: p.description })));
    const phaseId = new Map(phases.map((p) => [p.number, p.id]));

    const oldActivities = new Map((current?.activities ?? []).map((a) => [a.code, a]));
    const activities = await repo.saveActivities(
      doc.activities.map((a, position) => ({
        id: oldActivities.get(a.code)?.id,
        programId: program.id,
        phaseId: phaseId.get(a.phase)!,
        code: a.code,
        name: a.name,
        level: a.level,
        startDay: a.startDay,
        durationDays: a.durationDays,
        weight: a.weight,
        optional: a.optional,
        evidenceKinds: a.evidenceKinds,
        completionNeedsEvidence: a.completionNeedsEvidence,
        metrics: a.metrics,
        position,
      })),
    );
    const activityCodes = new Set(doc.activities.map((a) => a.code));
    await repo.deleteActivities([...oldActivities.values()].filter((a) => !activityCodes.has(a.code)).map((a) => a.id));
    await repo.replaceFormats(
      activities.map((a) => a.id),
      doc.activities.flatMap((a, n) => a.formats.map((f, position) => ({ activityId: activities[n].id, code: f.code, name: f.name, description: f.description, templateFileId: f.templateFileId, position }))),
    );
    await repo.deletePhases([...oldPhases.values()].filter((p) => !phaseId.has(p.number)).map((p) => p.id));

    const oldIndicators = new Map((current?.indicators ?? []).map((i) => [i.code, i]));
    const indicators = await repo.saveIndicators(
      doc.indicators.map((i, position) => ({
        id: oldIndicators.get(i.code)?.id,
        programId: program.id,
        code: i.code,
        name: i.name,
        definition: i.definition,
        unit: i.unit,
        direction: i.direction,
        kind: i.kind,
        params: i.params,
        baselineValue: i.baseline?.value ?? null,
        baselineDate: i.baseline?.date ?? null,
        position,
      })),
    );
    const indicatorCodes = new Set(doc.indicators.map((i) => i.code));
    await repo.deleteIndicators([...oldIndicators.values()].filter((i) => !indicatorCodes.has(i.code)).map((i) => i.id));
    await repo.replaceTargets(
      indicators.map((i) => i.id),
      doc.indicators.flatMap((ind, n) => ind.targets.map((t, position) => ({ indicatorId: indicators[n].id, stateCode: t.scope === 'state' ? t.stateCode : null, value: t.value, targetDate: t.date, position }))),
    );
    return program;
  }
}

/**
 * With participations, plans exist and were dated from the activities: the set of phases and activities,
 * and each activity's phase, level and days, must stay. Texts, weights, flags, evidence kinds, metrics, formats,
 * thresholds, indicators and targets may change.
 */
function assertPlansUntouched(current: ProgramDocument, next: ProgramDocument): void {
  const errors: FieldError[] = [];
  const diff = <T>(a: T[], b: T[]) => ({ added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) });
  const phases = diff(
    current.phases.map((p) => p.number),
    next.phases.map((p) => p.number),
  );
  if (phases.added.length) errors.push({ field: 'phases', message: `phases added: ${phases.added.join(', ')}` });
  if (phases.removed.length) errors.push({ field: 'phases', message: `phases removed: ${phases.removed.join(', ')}` });
  const activities = diff(
    current.activities.map((a) => a.code),
    next.activities.map((a) => a.code),
  );
  if (activities.added.length) errors.push({ field: 'activities', message: `activities added: ${activities.added.join(', ')}` });
  if (activities.removed.length) errors.push({ field: 'activities', message: `activities removed: ${activities.removed.join(', ')}` });
  const before = new Map(current.activities.map((a) => [a.code, a]));
  next.activities.forEach((a, i) => {
    const old = before.get(a.code);
    if (!old) return;
    for (const key of ['phase', 'level', 'startDay', 'durationDays'] as const) {
      if (old[key] !== a[key]) errors.push({ field: `activities.${i}.${key}`, message: `activity ${a.code}: ${key} cannot change from ${old[key]} to ${a[key]} once states have joined` });
    }
  });
  if (current.timeZone !== next.timeZone) errors.push({ field: 'timeZone', message: `timeZone cannot change from ${current.timeZone} once states have joined` });
  if (!errors.length) return;
  throw new ConflictException({
    statusCode: 409,
    message: `Program ${current.code} has participating states whose plans are dated from it, so phases and activities cannot be added, removed or re-dated: ${errors.map((e) => e.message).join('; ')}`,
    errors,
  });
}

function summary(doc: ProgramDocument) {
  return { code: doc.code, phases: doc.phases.length, activities: doc.activities.length, indicators: doc.indicators.length };
}
