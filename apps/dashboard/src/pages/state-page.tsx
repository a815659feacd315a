import { useMemo, useState } from 'react';
import { asList } from '../api/client';
import { AsOfPicker, useAsOf, withAsOf } from '../components/as-of-picker';
import type { Institution, PlanChange, ProgramDetail, ReplanRequestPage, Report, ReportPage, StateInfo, StatePlan, StateProgress } from '../api/types';
import { useResource } from '../api/use-resource';
import { EmptyState, LoadError, Loading, NoAccess, SuccessNotice } from '../components/feedback';
import { InstitutionsPanel } from '../components/institutions-panel';
import { PlanTable } from '../components/plan-table';
import { PlanTimeline } from '../components/plan-timeline';
import { isReplanRequest, ReplanForm } from '../components/replan-form';
import { ReplanRequestsPanel } from '../components/replan-requests-panel';
import { ReportForm } from '../components/report-form';
import { ReportHistory } from '../components/report-history';
import { ReturnedReports } from '../components/returned-reports';
import { RisksPanel } from '../components/risks-panel';
import { StateFigures } from '../components/state-figures';
import { StateRoundsPanel } from '../components/state-rounds-panel';
import { TrendSection } from '../components/trend-section';
import { paths, usePrograms } from '../programs/programs';
import { Link } from '../router/router';
import { formatDate, formatPercent, REPORT_STATUS_LABELS, todayIn } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';
import { ExportButtons } from '../components/export-buttons';
import { FileImport, type ImportWords } from '../components/file-import';
import { MentionsPanel } from '../components/mentions-panel';

/** What the panel under the activities table shows: a re-plan form, a report form, or an item's history. */
type Panel = { kind: 'replan' | 'report' | 'history'; activityCode: string; answering?: Report } | null;

/**
 * One state's page, the state officer's home: returned reports first, then the state's figures (with their
 * explanation), the plan as a timeline and a table with each item's progress, reporting and history, re-planning,
 * the implementing institutions and the reporting rounds. The plan is loaded first; when the API refuses it
 * (403, another state's officer) nothing else is asked for and only the no-access screen is shown.
 */
export function StatePage({ params, user }: PageProps) {
  const { programCode, stateCode } = params;
  const { byCode } = usePrograms();
  const base = `/programs/${encodeURIComponent(programCode)}/states/${encodeURIComponent(stateCode)}`;
  const planPath = `${base}/plan`;
  const plan = useResource<StatePlan>(planPath);
  const allowed = plan.data !== undefined;
  const program = useResource<ProgramDetail>(allowed ? `/programs/${encodeURIComponent(programCode)}` : null);
  const needsStateName = allowed && !plan.data?.stateName;
  const states = useResource<StateInfo[]>(needsStateName ? '/states' : null, (raw) => asList<StateInfo>(raw));
  const institutions = useResource<Institution[]>(allowed ? `${base}/institutions` : null, (raw) => asList<Institution>(raw));
  // Figures as of the date in the URL (`?fecha=`), like the national view; the plan and forms stay at today.
  const asOf = useAsOf();
  const progress = useResource<StateProgress>(allowed ? withAsOf(`${base}/progress`, asOf) : null);
  const returned = useResource<ReportPage>(allowed ? `${base}/returned` : null);
  // Re-plan requests waiting for the coordination: marked in the table and in the re-plan form.
  const pendingRequests = useResource<ReplanRequestPage>(allowed ? `${base}/replan-requests?status=pending&limit=200` : null);
  const [requestsTick, setRequestsTick] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [historyTick, setHistoryTick] = useState(0);
  const selected = panel?.activityCode ?? null;

  const stateName = plan.data?.stateName ?? states.data?.find((s) => s.code === stateCode)?.name ?? '';
  const joinedOn = plan.data?.joinedOn;
  const exitedOn = plan.data?.exitedOn;
  useDocumentTitle(stateName ? `${stateName} · Programa estatal` : 'Programa estatal');

  const timeZone = program.data?.timeZone ?? byCode(programCode)?.timeZone;
  // "Today" as the API counts it (its clock, the program's time zone). Until the API has said, the timeline
  // uses the browser's date, but no report can be started: its date must not be later than the API's today.
  const apiToday = program.data?.today ?? (asOf ? null : progress.data?.asOf) ?? null;
  const today = apiToday ?? todayIn(timeZone);
  const phaseNames = useMemo(() => new Map((program.data?.phases ?? []).map((p) => [p.number, p.name])), [program.data]);
  const itemProgress = useMemo(() => new Map((progress.data?.items ?? []).map((i) => [i.activityCode, i])), [progress.data]);
  const institutionProgress = useMemo(() => (progress.data ? new Map(progress.data.institutions.map((i) => [i.id, i])) : undefined), [progress.data]);
  const activities = useMemo(() => new Map((program.data?.activities ?? []).map((a) => [a.code, a])), [program.data]);
  const pendingByActivity = useMemo(() => new Map((pendingRequests.data?.items ?? []).map((r) => [r.activityCode, r])), [pendingRequests.data]);
  const items = plan.data?.items ?? [];
  const selectedItem = items.find((i) => i.activityCode === selected) ?? null;
  const canEdit = user.role === 'coordinator' || (user.role === 'state_officer' && user.stateCode === stateCode);
  const canReport = canEdit && !exitedOn && apiToday !== null;
  const open = (kind: 'replan' | 'report' | 'history', activityCode: string, answering?: Report) => {
    setSaved(null);
    setPanel({ kind, activityCode, answering });
  };

  if (plan.error?.status === 403) {
    return <NoAccess homeHref="/">No tiene acceso a la información de esta entidad federativa. Solo puede consultar el programa de su propia entidad.</NoAccess>;
  }
  if (plan.error?.status === 404) {
    return (
      <>
        <h1>Programa estatal</h1>
        <EmptyState title="Esta entidad no participa en el programa, o el programa no existe.">
          {/* A state on its way in follows its convocatoria (and records its manifiesto de interés) there. */}
          <p>
            Si la entidad está en la convocatoria, su avance está en el <Link to={paths.national(programCode)}>panorama nacional</Link>, sección «Convocatoria nacional».
          </p>
        </EmptyState>
      </>
    );
  }
  if (plan.error) {
    return (
      <>
        <h1>Programa estatal</h1>
        <LoadError error={plan.error} onRetry={plan.reload} />
      </>
    );
  }
  if (!plan.data) return <Loading label="Cargando el programa estatal…" />;

  const replanned = items.filter((i) => i.replanned).length;
  const excluded = items.filter((i) => !i.included).length;

  return (
    <>
      <div className="page-heading">
        <h1 data-testid="state-title">{stateName || `Entidad ${stateCode}`}</h1>
        <p className="lead">
          Programa estatal{program.data ? ` · ${program.data.name}` : ''}
          {joinedOn ? (
            <>
              {' '}
              · adherida el <time dateTime={joinedOn}>{formatDate(joinedOn)}</time>
            </>
          ) : null}
          {exitedOn ? (
            <>
              {' '}
              · <span className="tag tag-muted">Baja desde {formatDate(exitedOn)}</span>
            </>
          ) : null}
        </p>
      </div>

      {user.role === 'state_officer' ? <MentionsPanel stateName={() => stateName} /> : null}
      <ReturnedReports returned={returned} canAnswer={canReport} onAnswer={(r) => open('report', r.activityCode, r)} />

      <AsOfPicker shownAsOf={progress.data?.asOf ?? null} today={apiToday} />

      <StateFigures progress={progress} explainPath={`${base}/progress/explain${progress.data ? `?asOf=${progress.data.asOf}` : ''}`} />

      <RisksPanel programCode={programCode} stateCode={stateCode} limit={5} canOpen={() => true} />

      {allowed ? <TrendSection programCode={programCode} stateCode={stateCode} to={progress.data?.asOf ?? null} scopeLabel={`de ${stateName || `la entidad ${stateCode}`}`} /> : null}

      <section aria-labelledby="timeline-heading" className="panel">
        <h2 id="timeline-heading">Calendario</h2>
        {items.length === 0 ? (
          <EmptyState title="El programa estatal aún no tiene actividades." />
        ) : (
          <>
            <p className="summary">
              {items.length} actividades · {replanned} re-planificadas · {excluded} excluidas
            </p>
            <PlanTimeline items={items} phaseNames={phaseNames} today={today} />
          </>
        )}
      </section>

      <section aria-labelledby="plan-items-title" className="panel">
        <h2 id="plan-items-title">Actividades del programa estatal</h2>
        <ExportButtons path={`${base}/progress/export`} query={{ asOf: progress.data?.asOf }} formats={['xlsx', 'csv']} what="actividades de la entidad" testId="export-state-items" />
        <ExportButtons path={`${base}/reports/export`} formats={['xlsx', 'csv']} what="reportes de la entidad" testId="export-reports" />
        {canReport ? (
          <FileImport
            path={`${base}/reports/import`}
            words={REPORT_IMPORT_WORDS}
            testId="reports-import"
            onImported={() => {
              progress.reload();
              returned.reload();
              setHistoryTick((n) => n + 1);
            }}
          />
        ) : null}
        {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
        {items.length ? (
          <PlanTable
            items={items}
            progress={itemProgress}
            pending={pendingByActivity}
            canEdit={canEdit}
            canReport={canReport}
            selected={selected}
            onReplan={(code) => open('replan', code)}
            onReport={(code) => open('report', code)}
            onHistory={(code) => open('history', code)}
          />
        ) : null}
        {canEdit && selectedItem && panel?.kind === 'replan' ? (
          <ReplanForm
            key={selectedItem.activityCode}
            planPath={planPath}
            item={selectedItem}
            laterDueNeedsApproval={user.role === 'state_officer'}
            pendingRequest={pendingByActivity.get(selectedItem.activityCode)}
            onCancel={() => setPanel(null)}
            onReload={plan.reload}
            onSaved={(result, change: PlanChange) => {
              if (isReplanRequest(result)) {
                setSaved(
                  `Pendiente de aprobación de la coordinación: se solicitó mover el término de ${result.activityCode} del ${formatDate(result.previousDue)} al ${formatDate(result.requestedDue)}. El programa estatal y su avance esperado no cambian hasta que la coordinación lo apruebe.`,
                );
                setPanel(null);
                pendingRequests.reload();
                setRequestsTick((n) => n + 1);
                return;
              }
              const item = result;
              const start = item?.plannedStart ?? change.plannedStart ?? selectedItem.plannedStart;
              const due = item?.plannedDue ?? change.plannedDue ?? selectedItem.plannedDue;
              const scope = (item?.included ?? change.included ?? selectedItem.included) ? '' : ' (excluida)';
              setSaved(`Se guardó ${selectedItem.activityCode}: ${formatDate(start)} – ${formatDate(due)}${scope}.`);
              setPanel(null);
              plan.reload();
              progress.reload();
            }}
          />
        ) : null}
        {canReport && selectedItem && panel?.kind === 'report' ? (
          <ReportForm
            key={`${selectedItem.activityCode}:${panel.answering?.id ?? ''}`}
            statePath={base}
            item={selectedItem}
            activity={activities.get(selectedItem.activityCode)}
            institutions={institutions.data ?? []}
            today={today}
            answering={panel.answering}
            onCancel={() => setPanel(null)}
            onSubmitted={(r) => {
              setSaved(
                `Se envió el reporte de ${r.activityCode}${r.institutionName ? ` (${r.institutionName})` : ''}: ${REPORT_STATUS_LABELS[r.status]}, ${formatPercent(r.percent)}, del ${formatDate(r.reportedOn)}. Queda pendiente de revisión por la coordinación.`,
              );
              setPanel({ kind: 'history', activityCode: r.activityCode });
              setHistoryTick((n) => n + 1);
              progress.reload();
              returned.reload();
            }}
          />
        ) : null}
        {selectedItem && panel?.kind === 'history' ? (
          <ReportHistory
            key={selectedItem.activityCode}
            path={`${planPath}/${encodeURIComponent(selectedItem.activityCode)}/reports`}
            programCode={programCode}
            stateCode={stateCode}
            item={selectedItem}
            reloadKey={historyTick}
            onClose={() => setPanel(null)}
          />
        ) : null}
      </section>

      <ReplanRequestsPanel
        programCode={programCode}
        path={`${base}/replan-requests?limit=20`}
        title="Solicitudes de re-planificación"
        lead="Cambios de fecha que amplían un plazo: esperan la aprobación de la coordinación antes de cambiar el programa estatal y su avance esperado."
        canDecide={user.role === 'coordinator'}
        hideWhenEmpty
        reloadKey={requestsTick}
        onDecided={() => {
          plan.reload();
          progress.reload();
          pendingRequests.reload();
        }}
        testId="state-replan-requests"
      />

      <InstitutionsPanel
        institutionsPath={`${base}/institutions`}
        institutions={{ ...institutions, reload: () => { institutions.reload(); progress.reload(); } }}
        canEdit={canEdit}
        today={today}
        progressById={institutionProgress}
      />

      <StateRoundsPanel programCode={programCode} stateCode={stateCode} canSubmit={canEdit && !exitedOn} asOf={null} />
    </>
  );
}

const REPORT_IMPORT_WORDS: ImportWords = {
  title: 'Importar reportes desde un archivo (CSV o XLSX)',
  hint: 'Use las columnas de «Descargar XLSX/CSV» de reportes: Actividad, Institución (por su nombre), Estado de la actividad, Porcentaje, Fecha del reporte y, si quiere, Descripción del avance, Métricas (nombre=valor) y Evidencia (ligas: «Liga: título <https://…>»). Una fila sin Folio es un reporte nuevo; los documentos se adjuntan en el formulario.',
  fileLabel: 'Archivo de reportes',
  recordColumn: 'Reporte',
  actions: { create: 'Reporte nuevo', update: 'Cambio', unchanged: 'Ya registrado' },
  changes: (n) => newReports(n),
  counts: (r) => `${newReports(r.created)}, ${r.unchanged === 1 ? '1 ya registrado' : `${r.unchanged} ya registrados`}`,
  done: (r) => `Se importó el archivo: ${newReports(r.created)}, pendientes de revisión por la coordinación.`,
};

function newReports(n: number): string {
  return n === 1 ? '1 reporte nuevo' : `${n} reportes nuevos`;
}
