import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Activity } from '../programs/activity.entity.js';
import { Participation } from './participation.entity.js';

/**
 * One activity in one state's plan. The dates computed at join time stay in `original*`, so re-planning is
 * always visible; `version` guards against stale concurrent edits.
 */
@Entity('plan_item')
@Unique('plan_item_participation_id_activity_id_key', ['participationId', 'activityId'])
@Index('plan_item_activity_id_idx', ['activityId'])
@Check('plan_item_dates_check', 'planned_due >= planned_start')
export class PlanItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participationId: string;

  @ManyToOne(() => Participation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Activity;

  @Column({ type: 'boolean', default: true })
  included: boolean;

  @Column({ type: 'date' })
  plannedStart: string;

  @Column({ type: 'date' })
  plannedDue: string;

  @Column({ type: 'date' })
  originalStart: string;

  @Column({ type: 'date' })
  originalDue: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
