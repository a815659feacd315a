import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { institutionNameKey } from '../../../core/src/institutions/institution-name.js';
import { Institution, type GovernmentOrder } from '../../../core/src/institutions/institution.entity.js';
import { plannedWindow } from '../../../core/src/plans/plan-dates.js';
import { Participation } from '../../../core/src/plans/participation.entity.js';
import { PlanItem } from '../../../core/src/plans/plan-item.entity.js';
import { Activity, type ActivityLevel, type EvidenceKind } from '../../../core/src/programs/activity.entity.js';
import { Phase } from '../../../core/src/programs/phase.entity.js';
import { Program } from '../../../core/src/programs/program.entity.js';

export interface ActivitySpec {
  code: string;
  phase?: number;
  level?: ActivityLevel;
  startDay?: number;
  durationDays?: number;
  weight?: number;
  optional?: boolean;
  evidenceKinds?: EvidenceKind[];
  /** Off by default here (the program document's default is on): most tests are about progress, not evidence. */
  completionNeedsEvidence?: boolean;
  metrics?: string[];
}

export interface ProgramFixture {
  program: Program;
  activities: Activity[];
}

/**
 * Small programs, participations and institutions inserted directly (not through the API), for tests of
 * features that build on them. Defaults are sensible; override what the test is about.
 */
export class ProgramFactory {
  constructor(private readonly dataSource: DataSource) {}

  async program(activities: ActivitySpec[] = [{ code: '1.1' }, { code: '1.2', optional: true }, { code: '2.1', phase: 2, level: 'institution' }], over: Partial<Program> = {}): Promise<ProgramFixture> {
    return this.dataSource.transaction(async (tx) => {
      const program = await tx.save(Program, tx.create(Program, { code: `test-${randomBytes(3).toString('hex')}`, name: 'Programa de prueba', timeZone: 'America/Mexico_City', thresholdAtRisk: -5, thresholdOffTrack: -15, status: 'active', ...over }));
      const phaseNumbers = [...new Set(activities.map((a) => a.phase ?? 1))].sort((a, b) => a - b);
      const phases = new Map<number, Phase>();
      for (const number of phaseNumbers) phases.set(number, await tx.save(Phase, tx.create(Phase, { programId: program.id, number, name: `Fase ${number}`, description: null })));
      const saved: Activity[] = [];
      for (const [position, a] of activities.entries()) {
        saved.push(
          await tx.save(Activity, tx.create(Activity, {
            programId: program.id,
            phaseId: phases.get(a.phase ?? 1)!.id,
            code: a.code,
            name: `Actividad ${a.code}`,
            level: a.level ?? 'state',
            startDay: a.startDay ?? 0,
            durationDays: a.durationDays ?? 30,
            weight: a.weight ?? 1,
            optional: a.optional ?? false,
            evidenceKinds: a.evidenceKinds ?? ['document'],
            completionNeedsEvidence: a.completionNeedsEvidence ?? false,
            metrics: a.metrics ?? [],
            position,
          })),
        );
      }
      return { program, activities: saved };
    });
  }

  /** Enrols a state the way joining does: one plan item per activity, dated from the join date. */
  async enrol(programId: string, stateCode: string, joinedOn: string, exitedOn: string | null = null): Promise<{ participation: Participation; items: PlanItem[] }> {
    return this.dataSource.transaction(async (tx) => {
      const participation = await tx.save(Participation, tx.create(Participation, { programId, stateCode, joinedOn, exitedOn }));
      const activities = await tx.find(Activity, { where: { programId }, order: { position: 'ASC' } });
      const items = await tx.save(
        PlanItem,
        activities.map((a) => {
          const w = plannedWindow(joinedOn, a);
          return tx.create(PlanItem, { participationId: participation.id, activityId: a.id, included: true, ...w, originalStart: w.plannedStart, originalDue: w.plannedDue, version: 1 });
        }),
      );
      return { participation, items };
    });
  }

  async institution(participationId: string, over: { name?: string; acronym?: string | null; orderOfGovernment?: GovernmentOrder; joinedOn: string; exitedOn?: string | null }): Promise<Institution> {
    const name = over.name ?? `Institución ${randomBytes(3).toString('hex')}`;
    return this.dataSource.getRepository(Institution).save({
      participationId,
      name,
      nameKey: institutionNameKey(name),
      acronym: over.acronym ?? null,
      orderOfGovernment: over.orderOfGovernment ?? 'state',
      joinedOn: over.joinedOn,
      exitedOn: over.exitedOn ?? null,
    });
  }
}
