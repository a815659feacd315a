import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { ActivityFormat } from './activity-format.entity.js';
import { Activity } from './activity.entity.js';
import { IndicatorTarget } from './indicator-target.entity.js';
import { Indicator } from './indicator.entity.js';
import { Phase } from './phase.entity.js';
import { Program } from './program.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProgramCounts {
  phases: number;
  activities: number;
  indicators: number;
  participations: number;
}

@Injectable()
export class ProgramsRepository extends BaseRepository {
  /** `:programId` in routes accepts the program's id or its code. */
  findByIdOrCode(idOrCode: string): Promise<Program | null> {
    return UUID.test(idOrCode) ? this.em.findOneBy(Program, { id: idOrCode }) : this.em.findOneBy(Program, { code: idOrCode });
  }

  /** Locks the row until the transaction ends, so two imports of the same code run one after the other. */
  findByCodeForUpdate(code: string): Promise<Program | null> {
    return this.em.findOne(Program, { where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  async existsByCode(code: string): Promise<boolean> {
    return (await this.em.countBy(Program, { code })) > 0;
  }

  findAll(): Promise<Program[]> {
    return this.em.find(Program, { order: { code: 'ASC' } });
  }

  /** Phase, activity, indicator and participation counts per program id. */
  async countAll(): Promise<Map<string, ProgramCounts>> {
    const rows: { id: string; phases: number; activities: number; indicators: number; participations: number }[] = await this.em.query(`
      SELECT p.id,
             (SELECT count(*) FROM phase x WHERE x.program_id = p.id)::int AS phases,
             (SELECT count(*) FROM activity x WHERE x.program_id = p.id)::int AS activities,
             (SELECT count(*) FROM indicator x WHERE x.program_id = p.id)::int AS indicators,
             (SELECT count(*) FROM participation x WHERE x.program_id = p.id)::int AS participations
        FROM program p`);
    return new Map(rows.map(({ id, ...counts }) => [id, counts]));
  }

  /** Participations are owned by the plans feature, which depends on programs: counted by table, not entity. */
  async countParticipations(programId: string): Promise<number> {
    const [row]: { n: number }[] = await this.em.query('SELECT count(*)::int AS n FROM participation WHERE program_id = $1', [programId]);
    return row.n;
  }

  findPhases(programId: string): Promise<Phase[]> {
    return this.em.find(Phase, { where: { programId }, order: { number: 'ASC' } });
  }

  findActivities(programId: string): Promise<Activity[]> {
    return this.em.find(Activity, { where: { programId }, order: { position: 'ASC' } });
  }

  /** The formats of the program's activities, in activity order, then document order within each. */
  findFormats(programId: string): Promise<ActivityFormat[]> {
    return this.em
      .createQueryBuilder(ActivityFormat, 'f')
      .innerJoin(Activity, 'a', 'a.id = f.activity_id')
      .where('a.program_id = :programId', { programId })
      .orderBy('a.position')
      .addOrderBy('f.position')
      .getMany();
  }

  /** Ids of the templates uploaded to the program (its stored files of no state). */
  async findTemplateIds(programId: string): Promise<Set<string>> {
    const rows = await this.em.find(StoredFile, { where: { programId, stateCode: IsNull() }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  /** Replaces every format of the given activities (formats are named by code, never by id, so nothing points at the rows). */
  async replaceFormats(activityIds: string[], formats: Omit<ActivityFormat, 'id' | 'activity' | 'templateFile'>[]): Promise<void> {
    if (activityIds.length) await this.em.delete(ActivityFormat, { activityId: In(activityIds) });
    if (formats.length) await this.em.insert(ActivityFormat, formats);
  }

  findIndicators(programId: string): Promise<Indicator[]> {
    return this.em.find(Indicator, { where: { programId }, order: { position: 'ASC' } });
  }

  /** Every target of the program's indicators, in document order within each indicator. */
  findTargets(programId: string): Promise<IndicatorTarget[]> {
    return this.em
      .createQueryBuilder(IndicatorTarget, 't')
      .innerJoin(Indicator, 'i', 'i.id = t.indicator_id')
      .where('i.program_id = :programId', { programId })
      .orderBy('i.position')
      .addOrderBy('t.position')
      .getMany();
  }

  saveProgram(program: Partial<Program>): Promise<Program> {
    return this.em.save(Program, this.em.create(Program, program));
  }

  savePhases(phases: Partial<Phase>[]): Promise<Phase[]> {
    return this.em.save(Phase, phases.map((p) => this.em.create(Phase, p)));
  }

  saveActivities(activities: Partial<Activity>[]): Promise<Activity[]> {
    return this.em.save(Activity, activities.map((a) => this.em.create(Activity, a)));
  }

  saveIndicators(indicators: Partial<Indicator>[]): Promise<Indicator[]> {
    return this.em.save(Indicator, indicators.map((i) => this.em.create(Indicator, i)));
  }

  async deleteActivities(ids: string[]): Promise<void> {
    if (ids.length) await this.em.delete(Activity, { id: In(ids) });
  }

  async deletePhases(ids: string[]): Promise<void> {
    if (ids.length) await this.em.delete(Phase, { id: In(ids) });
  }

  async deleteIndicators(ids: string[]): Promise<void> {
    if (ids.length) await this.em.delete(Indicator, { id: In(ids) });
  }

  /** Replaces all targets of the given indicators. */
  async replaceTargets(indicatorIds: string[], targets: Omit<IndicatorTarget, 'id' | 'indicator' | 'state'>[]): Promise<void> {
    if (indicatorIds.length) await this.em.delete(IndicatorTarget, { indicatorId: In(indicatorIds) });
    if (targets.length) await this.em.insert(IndicatorTarget, targets);
  }
}
