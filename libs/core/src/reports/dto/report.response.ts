import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../programs/activity.entity.js';
import { REPORT_STATUSES, REVIEW_STATES, type ReportStatus, type ReviewState } from '../report.entity.js';
import type { ReportView } from '../reports.repository.js';

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Enlace estatal 20' }) name: string;
}

export class EvidenceResponse {
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty({ example: 'Padrón de obra pública 2025' }) title: string;
  @ApiProperty({ nullable: true, type: String, example: 'https://datos.oaxaca.gob.mx/dataset/obra-publica-2025' }) url: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Download with GET /files/{fileId}' }) fileId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'acta-verificacion.pdf' }) fileName: string | null;
  @ApiProperty({ description: 'Datos de alto valor (always false except for datasets)' }) highValue: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'CSV' }) format: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CC-BY-4.0' }) licence: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'F-01', description: 'The activity format this document is the filled copy of' }) formatCode: string | null;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '20' }) stateCode: string;
  @ApiProperty({ example: '4.4' }) activityCode: string;
  @ApiProperty({ example: 'Publicar conjuntos de datos en formatos abiertos con metadatos (DCAT)' }) activityName: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) institutionId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Secretaría de Finanzas' }) institutionName: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ example: 60 }) percent: number;
  @ApiProperty({ example: '2025-11-28' }) reportedOn: string;
  @ApiProperty({ nullable: true, type: String }) narrative: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { conjuntos_publicados: 3 } }) metrics: Record<string, number>;
  @ApiProperty({ type: [EvidenceResponse] }) evidence: EvidenceResponse[];
  @ApiProperty({ enum: REVIEW_STATES }) reviewState: ReviewState;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was returned' }) reviewReason: string | null;
  @ApiProperty({ nullable: true, type: PersonRef }) reviewedBy: PersonRef | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-12-01T17:03:11.000Z' }) reviewedAt: string | null;
  @ApiProperty({ example: '2025-11-28T22:15:40.123Z' }) createdAt: string;
  @ApiProperty({ type: PersonRef }) author: PersonRef;
}

export class ReportPageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ReportResponse] }) items: ReportResponse[];
}

export class ReviewQueueItemResponse extends ReportResponse {
  @ApiProperty({ example: 'Oaxaca' }) stateName: string;
}

export class ReviewQueueResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ReviewQueueItemResponse], description: 'Pending (`submitted`) reports, oldest first' }) items: ReviewQueueItemResponse[];
}

export class HistoryReportResponse extends ReportResponse {
  @ApiProperty({ description: 'The current report of its unit as of `asOf` (latest counting, not returned; SPEC §4)' }) current: boolean;
}

export class ItemHistoryResponse {
  @ApiProperty({ example: '4.4' }) activityCode: string;
  @ApiProperty() activityName: string;
  @ApiProperty({ enum: ['state', 'institution'] }) level: 'state' | 'institution';
  @ApiProperty() included: boolean;
  @ApiProperty({ example: '2025-12-01', description: 'Today in the program’s time zone: what `current` refers to' }) asOf: string;
  @ApiProperty({ type: [HistoryReportResponse], description: 'Every report of every unit, oldest first (reportedOn, then creation order)' }) reports: HistoryReportResponse[];
}

export function toReportResponse(v: ReportView): ReportResponse {
  const r = v.report;
  return {
    id: r.id,
    stateCode: v.stateCode,
    activityCode: v.activityCode,
    activityName: v.activityName,
    institutionId: r.institutionId,
    institutionName: v.institutionName,
    status: r.status,
    percent: r.percent,
    reportedOn: r.reportedOn,
    narrative: r.narrative,
    metrics: r.metrics ?? {},
    evidence: v.evidence.map((e) => ({
      kind: e.kind,
      title: e.title,
      url: e.url,
      fileId: e.fileId,
      fileName: e.file?.name ?? null,
      highValue: e.highValue,
      format: e.format,
      licence: e.licence,
      formatCode: e.formatCode,
    })),
    reviewState: r.reviewState,
    reviewReason: r.reviewReason,
    reviewedBy: r.reviewedById ? { id: r.reviewedById, name: v.reviewerName ?? '' } : null,
    reviewedAt: r.reviewedAt ? r.reviewedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    author: { id: r.authorId, name: v.authorName },
  };
}
