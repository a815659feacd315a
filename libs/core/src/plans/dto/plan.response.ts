import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_LEVELS, type ActivityLevel } from '../../programs/activity.entity.js';
import type { Program } from '../../programs/program.entity.js';
import type { Participation } from '../participation.entity.js';
import type { PlanItemWithActivity } from '../plan-items.repository.js';

export class PlanItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The plan item (its comment thread: subjectType plan_item)' }) id: string;
  @ApiProperty({ example: '4.3' }) activityCode: string;
  @ApiProperty() activityName: string;
  @ApiProperty({ description: 'Phase number' }) phase: number;
  @ApiProperty({ enum: ACTIVITY_LEVELS }) level: ActivityLevel;
  @ApiProperty() optional: boolean;
  @ApiProperty() weight: number;
  @ApiProperty() included: boolean;
  @ApiProperty({ example: '2025-03-01' }) plannedStart: string;
  @ApiProperty({ example: '2025-04-30' }) plannedDue: string;
  @ApiProperty({ description: 'Dates computed when the state joined; never changed' }) originalStart: string;
  @ApiProperty() originalDue: string;
  @ApiProperty({ description: 'Dates or inclusion differ from the original plan' }) replanned: boolean;
  @ApiProperty({ description: 'Send it back (body `version` or If-Match) when re-planning' }) version: number;
}

export class PlanResponse {
  @ApiProperty() programId: string;
  @ApiProperty() programCode: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
  @ApiProperty() joinedOn: string;
  @ApiProperty({ nullable: true, type: String }) exitedOn: string | null;
  @ApiProperty({ type: [PlanItemResponse], description: 'In program order' }) items: PlanItemResponse[];
}

export function toPlanItemResponse(i: PlanItemWithActivity): PlanItemResponse {
  const a = i.activity;
  return {
    id: i.id,
    activityCode: a.code,
    activityName: a.name,
    phase: a.phase.number,
    level: a.level,
    optional: a.optional,
    weight: a.weight,
    included: i.included,
    plannedStart: i.plannedStart,
    plannedDue: i.plannedDue,
    originalStart: i.originalStart,
    originalDue: i.originalDue,
    replanned: !i.included || i.plannedStart !== i.originalStart || i.plannedDue !== i.originalDue,
    version: i.version,
  };
}

export function toPlanResponse(program: Program, p: Participation, stateName: string, items: PlanItemWithActivity[]): PlanResponse {
  return { programId: program.id, programCode: program.code, stateCode: p.stateCode, stateName, joinedOn: p.joinedOn, exitedOn: p.exitedOn, items: items.map(toPlanItemResponse) };
}
