import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { Activity } from '../programs/activity.entity.js';
import type { Phase } from '../programs/phase.entity.js';
import { PlanItem } from './plan-item.entity.js';

/** A plan item loaded with its activity and the activity's phase. */
export type PlanItemWithActivity = PlanItem & { activity: Activity & { phase: Phase } };

export type PlanItemDates = Pick<PlanItem, 'included' | 'plannedStart' | 'plannedDue'>;

@Injectable()
export class PlanItemsRepository extends BaseRepository {
  async insertMany(items: Pick<PlanItem, 'participationId' | 'activityId' | 'included' | 'plannedStart' | 'plannedDue' | 'originalStart' | 'originalDue'>[]): Promise<void> {
    if (items.length) await this.em.insert(PlanItem, items);
  }

  /** A state's plan, in program order (the activities' position). */
  findByParticipation(participationId: string): Promise<PlanItemWithActivity[]> {
    return this.em.find(PlanItem, {
      where: { participationId },
      relations: { activity: { phase: true } },
      order: { activity: { position: 'ASC' } },
    }) as Promise<PlanItemWithActivity[]>;
  }

  /** One item of a state's plan by its activity's code, with the activity and phase, or null. */
  findByParticipationAndActivityCode(participationId: string, activityCode: string): Promise<PlanItemWithActivity | null> {
    return this.em.findOne(PlanItem, {
      where: { participationId, activity: { code: activityCode } },
      relations: { activity: { phase: true } },
    }) as Promise<PlanItemWithActivity | null>;
  }

  /**
   * Optimistic concurrency: applies the change only if the row still has `expectedVersion`, and bumps the
   * version. Returns false when another write got there first (nothing changed). Original dates are never set.
   */
  async updateIfVersion(id: string, expectedVersion: number, change: PlanItemDates): Promise<boolean> {
    const result = await this.em
      .createQueryBuilder()
      .update(PlanItem)
      .set({ included: change.included, plannedStart: change.plannedStart, plannedDue: change.plannedDue, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }
}
