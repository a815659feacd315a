import { ApiProperty } from '@nestjs/swagger';
import { PROGRAM_STATUSES, type Program, type ProgramStatus } from '../program.entity.js';
import type { ActivityFormat } from '../activity-format.entity.js';
import type { Activity } from '../activity.entity.js';
import type { IndicatorTarget } from '../indicator-target.entity.js';
import type { Indicator } from '../indicator.entity.js';
import { findIndicatorKind, normalizeIndicatorParams } from '../indicator-kinds.js';
import type { Phase } from '../phase.entity.js';
import type { ProgramDocument } from '../program-document.js';
import { ActivityDocumentDto, IndicatorDocumentDto, PhaseDocumentDto, ThresholdsDto } from './program-document.dto.js';

export class ProgramCountsResponse {
  @ApiProperty({ example: 5 }) phases: number;
  @ApiProperty({ example: 15 }) activities: number;
  @ApiProperty({ example: 10 }) indicators: number;
  @ApiProperty({ example: 6, description: 'States that have joined (participations, including withdrawn ones)' }) participations: number;
}

export class ProgramSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'condatos-2024' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROGRAM_STATUSES }) status: ProgramStatus;
  @ApiProperty({ type: String, nullable: true, example: '2024-11-19' }) approvedOn: string | null;
  @ApiProperty({ example: 'America/Mexico_City', description: 'The IANA time zone the program counts its days in' }) timeZone: string;
  @ApiProperty({ type: ProgramCountsResponse }) counts: ProgramCountsResponse;
}

/** A program with everything it defines: the document plus its id and timestamps. */
export class ProgramResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'condatos-2024' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2024-11-19' }) approvedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) approvalReference: string | null;
  @ApiProperty({ example: 'America/Mexico_City' }) timeZone: string;
  @ApiProperty({ type: ThresholdsDto }) thresholds: ThresholdsDto;
  @ApiProperty({ enum: PROGRAM_STATUSES }) status: ProgramStatus;
  @ApiProperty({ type: [PhaseDocumentDto] }) phases: ProgramDocument['phases'];
  @ApiProperty({ type: [ActivityDocumentDto] }) activities: ProgramDocument['activities'];
  @ApiProperty({ type: [IndicatorDocumentDto] }) indicators: ProgramDocument['indicators'];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ example: '2025-06-30', description: 'Today in the program’s time zone (the server’s clock): the default and latest date of figures (`asOf`), for date pickers' })
  today: string;
}

export interface ProgramParts {
  program: Program;
  phases: Phase[];
  activities: Activity[];
  /** In activity order, then position within the activity. */
  formats: ActivityFormat[];
  indicators: Indicator[];
  targets: IndicatorTarget[];
}

export function toProgramSummaryResponse(p: Program, counts: ProgramCountsResponse): ProgramSummaryResponse {
  return { id: p.id, code: p.code, name: p.name, status: p.status, approvedOn: p.approvedOn, timeZone: p.timeZone, counts };
}

/** The stored program as its canonical document (what export returns). Inputs are ordered by position. */
export function toProgramDocument({ program: p, phases, activities, formats, indicators, targets }: ProgramParts): ProgramDocument {
  const phaseNumber = new Map(phases.map((ph) => [ph.id, ph.number]));
  return {
    code: p.code,
    name: p.name,
    description: p.description,
    approvedOn: p.approvedOn,
    approvalReference: p.approvalReference,
    timeZone: p.timeZone,
    thresholds: { atRisk: p.thresholdAtRisk, offTrack: p.thresholdOffTrack },
    status: p.status,
    phases: phases.map((ph) => ({ number: ph.number, name: ph.name, description: ph.description })),
    activities: activities.map((a) => ({
      code: a.code,
      phase: phaseNumber.get(a.phaseId)!,
      name: a.name,
      level: a.level,
      startDay: a.startDay,
      durationDays: a.durationDays,
      weight: a.weight,
      optional: a.optional,
      evidenceKinds: a.evidenceKinds,
      completionNeedsEvidence: a.completionNeedsEvidence,
      metrics: a.metrics,
      formats: formats.filter((f) => f.activityId === a.id).map((f) => ({ code: f.code, name: f.name, description: f.description, templateFileId: f.templateFileId })),
    })),
    indicators: indicators.map((i) => ({
      code: i.code,
      name: i.name,
      definition: i.definition,
      unit: i.unit,
      direction: i.direction,
      kind: i.kind,
      // jsonb reorders keys; the catalogue order is the canonical one.
      params: normalizeIndicatorParams(findIndicatorKind(i.kind), i.params),
      baseline: i.baselineValue === null ? null : { value: i.baselineValue, date: i.baselineDate },
      targets: targets
        .filter((t) => t.indicatorId === i.id)
        .map((t) => ({ scope: t.stateCode === null ? ('national' as const) : ('state' as const), stateCode: t.stateCode, value: t.value, date: t.targetDate })),
    })),
  };
}

/** `today`: the date in the program's time zone (Clock.today(timeZone)). */
export function toProgramResponse(parts: ProgramParts, today: string): ProgramResponse {
  return { id: parts.program.id, ...toProgramDocument(parts), createdAt: parts.program.createdAt.toISOString(), updatedAt: parts.program.updatedAt.toISOString(), today };
}
