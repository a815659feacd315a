import { EVIDENCE_KIND_ES, REPORT_STATUS_ES, REVIEW_STATE_ES } from '../../../platform/src/i18n/labels-es.js';
import { column, type Table } from '../../../platform/src/tables/table.js';
import type { EvidenceKind } from '../programs/activity.entity.js';
import type { ReportResponse } from './dto/report.response.js';

/**
 * The columns of the reports export, and what the reports import reads back (by key or es-MX header). The import
 * reads `id`, `stateCode`, `activityCode`, `institutionName`, `status`, `percent`, `reportedOn`, `narrative`,
 * `metrics`, `evidence` and `reviewState`; the others are the report's record and are ignored.
 */
export const REPORT_COLUMNS = [
  column('id', 'Folio', 'text', { width: 38 }),
  column('stateCode', 'Clave INEGI'),
  column('activityCode', 'Actividad'),
  column('activityName', 'Nombre de la actividad', 'text', { width: 40 }),
  column('institutionName', 'Institución', 'text', { width: 28 }),
  column('status', 'Estado de la actividad', 'text', { labels: REPORT_STATUS_ES }),
  column('percent', 'Porcentaje', 'number'),
  column('reportedOn', 'Fecha del reporte', 'date'),
  column('narrative', 'Descripción del avance', 'text', { width: 50 }),
  column('metrics', 'Métricas'),
  column('evidence', 'Evidencia', 'text', { width: 50 }),
  column('reviewState', 'Revisión', 'text', { labels: REVIEW_STATE_ES }),
  column('reviewReason', 'Motivo de la devolución', 'text', { width: 30 }),
  column('reviewedAt', 'Revisado el'),
  column('author', 'Reportó'),
  column('createdAt', 'Registrado el'),
] as const;

/** `name=value; name=value`: a report's metrics in one cell. */
export function metricsCell(metrics: Record<string, number>): string | null {
  return Object.entries(metrics).map(([k, v]) => `${k}=${v}`).join('; ') || null;
}

/** `Liga: title <url>; Documento: title (file.pdf) [formato F-01]`: a report's evidence in one cell. */
export function evidenceCell(evidence: readonly { kind: EvidenceKind; title: string; url: string | null; fileName: string | null; formatCode?: string | null }[]): string | null {
  return (
    evidence
      .map((e) => `${EVIDENCE_KIND_ES[e.kind]}: ${e.title}${e.url ? ` <${e.url}>` : e.fileName ? ` (${e.fileName})` : ''}${e.formatCode ? ` [formato ${e.formatCode}]` : ''}`)
      .join('; ') || null
  );
}

/** One row per report, newest first as the API lists them; evidence and metrics summarised in one cell each. */
export function reportsTable(stateCode: string, reports: readonly ReportResponse[]): Table {
  return {
    name: `Reportes ${stateCode}`,
    columns: REPORT_COLUMNS,
    rows: reports.map((r) => [
      r.id, r.stateCode, r.activityCode, r.activityName, r.institutionName, r.status, r.percent, r.reportedOn, r.narrative,
      metricsCell(r.metrics), evidenceCell(r.evidence), r.reviewState, r.reviewReason, r.reviewedAt, r.author.name, r.createdAt,
    ]),
  };
}
