import { useMemo, useState } from 'react';
import { asList } from '../api/client';
import type { Institution, PlanChange, ProgramDetail, StateInfo, StatePlan } from '../api/types';
import { useResource } from '../api/use-resource';
import { EmptyState, LoadError, Loading, NoAccess, SuccessNotice } from '../components/feedback';
import { InstitutionsPanel } from '../components/institutions-panel';
import { PlanTable } from '../components/plan-table';
import { PlanTimeline } from '../components/plan-timeline';
import { ReplanForm } from '../components/replan-form';
import { usePrograms } from '../programs/programs';
import { formatDate, todayIn } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';

/**
 * One state's page: its plan as a timeline and a table, re-planning, and its implementing institutions.
 * The plan is loaded first; when the API refuses it (403, another state's officer) nothing else is asked
 * for and only the no-access screen is shown.
 */
export function StatePage({ params, user }: PageProps) {
  const { programCode, stateCode } = params;
  const { byCode } = usePrograms();
  const base = `/programs/${encodeURIComponent(programCode)}/states/${encodeURIComponent(stateCode)}`;
  const planPath = `${base}/plan`;
  const plan = useResource<StatePlan>(planPath, (raw) => (Array.isArray(raw) ? { stateCode, items: raw } : { ...(raw as StatePlan), items: asList(raw) }));
  const allowed = plan.data !== undefined;
  const program = useResource<ProgramDetail>(allowed ? `/programs/${encodeURIComponent(programCode)}` : null);
  const needsStateName = allowed && !plan.data?.stateName;
  const states = useResource<StateInfo[]>(needsStateName ? '/states' : null, (raw) => asList<StateInfo>(raw));
  const institutions = useResource<Institution[]>(allowed ? `${base}/institutions` : null, (raw) => asList<Institution>(raw));
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const stateName = plan.data?.stateName ?? states.data?.find((s) => s.code === stateCode)?.name ?? '';
  const joinedOn = plan.data?.joinedOn;
  const exitedOn = plan.data?.exitedOn;
  useDocumentTitle(stateName ? `${stateName} · Programa estatal` : 'Programa estatal');

  const timeZone = program.data?.timeZone ?? byCode(programCode)?.timeZone;
  const today = todayIn(timeZone);
  const phaseNames = useMemo(() => new Map((program.data?.phases ?? []).map((p) => [p.number, p.name])), [program.data]);
  const items = plan.data?.items ?? [];
  const selectedItem = items.find((i) => i.activityCode === selected) ?? null;
  const canEdit = user.role === 'coordinator' || (user.role === 'state_officer' && user.stateCode === stateCode);

  if (plan.error?.status === 403) {
    return <NoAccess homeHref="/">No tiene acceso a la información de esta entidad federativa. Solo puede consultar el programa de su propia entidad.</NoAccess>;
  }
  if (plan.error?.status === 404) {
    return (
      <>
        <h1>Programa estatal</h1>
        <EmptyState title="Esta entidad no participa en el programa, o el programa no existe." />
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
        {saved ? <SuccessNotice>{saved}</SuccessNotice> : null}
        {items.length ? <PlanTable items={items} canEdit={canEdit} selected={selected} onReplan={(code) => { setSaved(null); setSelected(code); }} /> : null}
        {canEdit && selectedItem ? (
          <ReplanForm
            key={selectedItem.activityCode}
            planPath={planPath}
            item={selectedItem}
            onCancel={() => setSelected(null)}
            onReload={plan.reload}
            onSaved={(item, change: PlanChange) => {
              const start = item?.plannedStart ?? change.plannedStart ?? selectedItem.plannedStart;
              const due = item?.plannedDue ?? change.plannedDue ?? selectedItem.plannedDue;
              const scope = (item?.included ?? change.included ?? selectedItem.included) ? '' : ' (excluida)';
              setSaved(`Se guardó ${selectedItem.activityCode}: ${formatDate(start)} – ${formatDate(due)}${scope}.`);
              setSelected(null);
              plan.reload();
            }}
          />
        ) : null}
      </section>

      <InstitutionsPanel institutionsPath={`${base}/institutions`} institutions={institutions} canEdit={canEdit} today={today} />
    </>
  );
}
