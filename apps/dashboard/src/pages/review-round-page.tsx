import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { asList } from '../api/client';
import type { Participation, ProgramDetail, ReviewRoundDetail, StateInfo } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { describeLoadError, EmptyState, ErrorNotice, LoadError, Loading, SuccessNotice } from '../components/feedback';
import { Field } from '../components/field';
import { FormActions } from '../components/form-actions';
import { FrozenFiguresView } from '../components/frozen-figures';
import { DifferencesView } from '../components/review-differences';
import { FindingForm, FindingsList } from '../components/review-findings';
import { Tabs } from '../components/tabs';
import { useApiForm } from '../components/use-api-form';
import { paths } from '../programs/programs';
import { Link, replaceQuery, useLocation } from '../router/router';
import { formatDate, formatDateTime } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';
import { clearFlash, peekFlash, REVIEW_WRITERS, RoundStatusTag } from './review-rounds-page';
import { ExportButtons } from '../components/export-buttons';

/** The tab in view (`?vista=`): frozen figures (default), findings, differences. */
const VIEW_PARAM = 'vista';
const VIEWS = ['cifras', 'observaciones', 'diferencias'] as const;
type View = (typeof VIEWS)[number];

/**
 * One review round: what it froze (national, per state, indicators), its findings (a state officer sees its own
 * state's only; the API filters) with the form to add one while the round is open, the form that closes it with
 * the commission's agreement, and the differences between the frozen figures and the live ones.
 */
export function ReviewRoundPage({ params, user }: PageProps) {
  const { programCode, roundCode } = params;
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const round = useResource<ReviewRoundDetail>(`${base}/review-rounds/${encodeURIComponent(roundCode)}`);
  const program = useResource<ProgramDetail>(base);
  const states = useResource<StateInfo[]>('/states', (raw) => asList<StateInfo>(raw));
  const canWrite = (REVIEW_WRITERS as readonly string[]).includes(user.role);
  const participations = useResource<Participation[]>(canWrite ? `${base}/states` : null, (raw) => asList<Participation>(raw));
  const [notice, setNotice] = useState<string | null>(() => peekFlash(roundCode));
  useEffect(() => clearFlash(), []);
  const { query } = useLocation();
  const asked = query.get(VIEW_PARAM) as View | null;
  const view: View = asked && VIEWS.includes(asked) ? asked : 'cifras';
  useDocumentTitle(`Ronda de revisión ${roundCode}`);

  const stateNames = useMemo(() => new Map((states.data ?? []).map((s) => [s.code, s.name])), [states.data]);
  const stateName = (code: string) => stateNames.get(code) ?? round.data?.figures.progress.states.find((s) => s.stateCode === code)?.stateName ?? `Entidad ${code}`;
  const activities = program.data?.activities ?? [];
  const activityName = (code: string) => activities.find((a) => a.code === code)?.name ?? null;
  const indicators = useMemo(() => new Map((round.data?.figures.indicators ?? []).map((i) => [i.code, { name: i.name, unit: i.unit }])), [round.data]);
  const findingStates = useMemo(
    () => (participations.data ?? []).map((p) => ({ code: p.stateCode, name: p.stateName ?? stateNames.get(p.stateCode) ?? p.stateCode })).sort((a, b) => a.name.localeCompare(b.name, 'es')),
    [participations.data, stateNames],
  );

  if (round.error) {
    return (
      <>
        <h1>Ronda de revisión {roundCode}</h1>
        {round.error.status === 404 ? (
          <EmptyState title="No existe una ronda de revisión con ese código en este programa.">
            <p>
              <Link to={paths.reviewRounds(programCode)}>Ver todas las rondas de revisión</Link>
            </p>
          </EmptyState>
        ) : (
          <LoadError error={round.error} onRetry={round.reload} />
        )}
      </>
    );
  }
  if (!round.data) return <Loading label="Cargando la ronda de revisión…" />;
  const r = round.data;
  const open = r.status === 'open';

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.reviewRounds(programCode)}>Rondas de revisión</Link> <span aria-hidden="true">›</span> {r.code}
      </p>
      <div className="page-heading">
        <h1 data-testid="round-title">Ronda de revisión {r.code}</h1>
        <p className="lead">{r.title}</p>
      </div>
      <ExportButtons path={`${base}/review-rounds/${encodeURIComponent(r.code)}/export`} formats={['pdf', 'xlsx']} what={`ronda de revisión ${r.code}`} testId="export-review-round" />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}

      <section className="panel" aria-labelledby="round-facts-title" data-testid="round-facts">
        <h2 id="round-facts-title" className="visually-hidden">
          Datos de la ronda
        </h2>
        <dl className="facts">
          <div>
            <dt>Fecha de corte</dt>
            <dd data-col="asOf">{formatDate(r.asOf)}</dd>
          </div>
          <div>
            <dt>Situación</dt>
            <dd data-col="status">
              <RoundStatusTag status={r.status} />
            </dd>
          </div>
          <div>
            <dt>Cifras congeladas</dt>
            <dd>
              {formatDateTime(r.createdAt)}
              {r.createdBy.name ? ` por ${r.createdBy.name}` : ''}
            </dd>
          </div>
          {r.closedAt ? (
            <div>
              <dt>Cerrada</dt>
              <dd>
                {formatDateTime(r.closedAt)}
                {r.closedBy?.name ? ` por ${r.closedBy.name}` : ''}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Acuerdo de la comisión</dt>
            <dd data-col="agreement">{r.agreementReference ?? 'Pendiente (la ronda sigue abierta)'}</dd>
          </div>
        </dl>
        <p className="hint">
          Las cifras de esta ronda quedaron congeladas al {formatDate(r.asOf)} y no cambian aunque después lleguen correcciones; la pestaña «Diferencias» las
          compara con las cifras actuales.
        </p>
        {open && canWrite ? (
          <CloseRoundForm
            base={base}
            roundCode={r.code}
            onClosed={(ref) => {
              setNotice(`Se cerró la ronda ${r.code} con el acuerdo ${ref}.`);
              round.reload();
            }}
            onAlreadyClosed={round.reload}
          />
        ) : null}
      </section>

      <Tabs
        label="Contenido de la ronda"
        idPrefix="round"
        selected={view}
        onSelect={(id) => replaceQuery({ [VIEW_PARAM]: id === 'cifras' ? null : id })}
        tabs={[
          { id: 'cifras', label: 'Cifras congeladas' },
          { id: 'observaciones', label: `Observaciones (${r.findings.length})` },
          { id: 'diferencias', label: 'Diferencias' },
        ]}
      >
        {view === 'cifras' ? (
          <FrozenFiguresView figures={r.figures} />
        ) : view === 'observaciones' ? (
          <div data-testid="findings">
            <h3>Observaciones</h3>
            {user.role === 'state_officer' ? <p className="notice notice-info">Se muestran solo las observaciones sobre su entidad.</p> : null}
            <FindingsList programCode={programCode} findings={r.findings} stateName={stateName} activityName={activityName} />
            {!open ? (
              <p className="hint closed-note">La ronda está cerrada: ya no admite observaciones.</p>
            ) : canWrite ? (
              participations.error ? (
                <LoadError error={participations.error} onRetry={participations.reload} />
              ) : !participations.data ? (
                <Loading label="Cargando entidades…" />
              ) : (
                <FindingForm
                  roundCode={r.code}
                  base={base}
                  states={findingStates}
                  activities={activities}
                  onAdded={(f) => {
                    setNotice(`Se registró la observación ${f.citation}.`);
                    round.reload();
                  }}
                  onClosed={round.reload}
                />
              )
            ) : null}
          </div>
        ) : (
          <DifferencesView base={base} roundCode={r.code} frozenAsOf={r.asOf} ctx={{ stateName, activityName, indicators }} />
        )}
      </Tabs>
    </>
  );
}

function CloseRoundForm({ base, roundCode, onClosed, onAlreadyClosed }: { base: string; roundCode: string; onClosed: (reference: string) => void; onAlreadyClosed: () => void }) {
  const { api } = useSession();
  const [reference, setReference] = useState('');
  const form = useApiForm(['agreementReference']);

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.attempt(
      reference.trim() ? {} : { agreementReference: ['Escriba la referencia del acuerdo de la comisión que cierra la ronda.'] },
      async () => {
        const closed = await api.post<ReviewRoundDetail>(`${base}/review-rounds/${encodeURIComponent(roundCode)}/close`, { agreementReference: reference.trim() });
        onClosed(closed.agreementReference ?? reference.trim());
      },
      (err, unplaced) => {
        if (err.status === 409) {
          onAlreadyClosed();
          return 'La ronda ya estaba cerrada.';
        }
        if (err.status === 400) return unplaced.join(' ') || 'Revise la referencia del acuerdo.';
        if (err.status === 403) return 'Solo la comisión revisora y la coordinación nacional cierran rondas.';
        return describeLoadError(err);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="close-round" aria-labelledby="close-round-title" data-testid="close-round-form">
      <h3 id="close-round-title" className="small-heading">
        Cerrar la ronda
      </h3>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id="agreement-reference" label="Referencia del acuerdo de la comisión" hint="Una vez cerrada, la ronda ya no admite observaciones." errors={form.errors.agreementReference} required>
        {(a11y) => <input {...a11y} type="text" maxLength={300} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Cerrar la ronda" busyLabel="Cerrando…" secondary />
    </form>
  );
}
