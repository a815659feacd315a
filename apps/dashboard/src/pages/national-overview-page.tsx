import { useMemo, useState } from 'react';
import { asList } from '../api/client';
import type { Participation, StateInfo } from '../api/types';
import { useResource } from '../api/use-resource';
import { EmptyState, LoadError, Loading, SuccessNotice } from '../components/feedback';
import { EnrolForm } from '../components/enrol-form';
import { Loaded } from '../components/loaded';
import { NationalProgressSections } from '../components/national-progress';
import { ConvocatoriaPanel } from '../components/convocatoria-panel';
import { EmailLogPanel } from '../components/email-log-panel';
import { MentionsPanel } from '../components/mentions-panel';
import { RisksPanel } from '../components/risks-panel';
import { ScrollTable } from '../components/scroll-table';
import { paths, usePrograms } from '../programs/programs';
import { Link } from '../router/router';
import { formatDate, todayIn } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';

/**
 * National overview (coordination, reviewers; state officers read it too): the program's figures as of a date
 * (headline, progress by state, map, trends, deadlines, reporting rounds), then the states taking part, each
 * linking to its state page, the national convocatoria (its funnel and each state's way in), and for the
 * coordination the enrolment form.
 */
export function NationalOverviewPage({ params, user }: PageProps) {
  const { programCode } = params;
  const { byCode } = usePrograms();
  const program = byCode(programCode);
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const participations = useResource<Participation[]>(`${base}/states`, (raw) => asList<Participation>(raw));
  const states = useResource<StateInfo[]>('/states', (raw) => asList<StateInfo>(raw));
  const [enrolled, setEnrolled] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  useDocumentTitle('Panorama nacional');

  const stateNames = useMemo(() => new Map((states.data ?? []).map((s) => [s.code, s.name])), [states.data]);
  const nameOf = (p: Participation) => p.stateName ?? stateNames.get(p.stateCode) ?? `Entidad ${p.stateCode}`;
  const today = todayIn(program?.timeZone);
  const rows = useMemo(
    () => [...(participations.data ?? [])].sort((a, b) => (a.stateName ?? stateNames.get(a.stateCode) ?? a.stateCode).localeCompare(b.stateName ?? stateNames.get(b.stateCode) ?? b.stateCode, 'es')),
    [participations.data, stateNames],
  );
  const active = rows.filter((p) => p.joinedOn <= today && (!p.exitedOn || p.exitedOn > today));
  const canOpen = (stateCode: string) => user.role !== 'state_officer' || user.stateCode === stateCode;

  return (
    <>
      <div className="page-heading">
        <h1>Panorama nacional</h1>
        <p className="lead">{program ? program.name : 'Entidades federativas adheridas al programa'}</p>
      </div>

      {user.role !== 'state_officer' ? (
        <section aria-labelledby="shortcuts-title" className="shortcuts" data-testid="commission-shortcuts">
          <h2 id="shortcuts-title" className="visually-hidden">
            {user.role === 'reviewer' ? 'Herramientas de la comisión revisora' : 'Indicadores y revisiones'}
          </h2>
          <ul>
            <li>
              <Link to={paths.indicators(programCode)} className="shortcut">
                <span className="shortcut-title">Indicadores y metas</span>
                <span className="shortcut-text">Cada indicador frente a su meta, con su evolución y su situación.</span>
              </Link>
            </li>
            <li>
              <Link to={paths.reviewRounds(programCode)} className="shortcut">
                <span className="shortcut-title">Rondas de revisión</span>
                <span className="shortcut-text">Cifras congeladas a una fecha, observaciones y acuerdos de cierre.</span>
              </Link>
            </li>
            <li>
              <Link to={paths.reportingRounds(programCode)} className="shortcut">
                <span className="shortcut-title">Rondas de reporte</span>
                <span className="shortcut-text">Completitud y puntualidad de las entregas trimestrales.</span>
              </Link>
            </li>
          </ul>
        </section>
      ) : null}

      <NationalProgressSections programCode={programCode} stateNames={stateNames} canOpen={canOpen} refreshKey={refreshKey} />

      <MentionsPanel stateName={(code) => stateNames.get(code) ?? `Entidad ${code}`} />
      {user.role !== 'state_officer' ? <RisksPanel programCode={programCode} canOpen={canOpen} /> : null}

      <section aria-labelledby="participations-title" className="panel">
        <h2 id="participations-title">Entidades participantes</h2>
        <Loaded resource={participations} loadingLabel="Cargando entidades…" notFound="No se encontró este programa.">
          {() =>
            rows.length === 0 ? (
              <EmptyState title="Aún no hay entidades adheridas a este programa.">
                {user.role === 'coordinator' ? <p>Use el formulario de adhesión para registrar la primera.</p> : null}
              </EmptyState>
            ) : (
              <>
                <p className="summary" data-testid="participation-summary">
                  {active.length === 1 ? '1 entidad participa' : `${active.length} entidades participan`} hoy
                  {rows.length > active.length ? ` (${rows.length} registradas en total)` : ''}.
                </p>
                <ScrollTable labelledBy="participations-title" testId="participations-table" columns={['Entidad federativa', 'Clave', 'Fecha de adhesión', 'Situación']}>
                  {rows.map((p) => (
                    <tr key={p.stateCode} data-state-code={p.stateCode}>
                      <th scope="row">
                        {canOpen(p.stateCode) ? <Link to={paths.state(programCode, p.stateCode)}>{nameOf(p)}</Link> : nameOf(p)}
                      </th>
                      <td data-label="Clave">{p.stateCode}</td>
                      <td data-label="Fecha de adhesión">
                        <time dateTime={p.joinedOn}>{formatDate(p.joinedOn)}</time>
                      </td>
                      <td data-label="Situación">
                        {p.exitedOn && p.exitedOn <= today ? (
                          <span className="tag tag-muted">Baja desde {formatDate(p.exitedOn)}</span>
                        ) : p.joinedOn > today ? (
                          <span className="tag tag-info">Adhesión programada</span>
                        ) : (
                          <span className="tag tag-ok">Participa</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </ScrollTable>
              </>
            )
          }
        </Loaded>
      </section>

      {states.data ? (
        <ConvocatoriaPanel
          programCode={programCode}
          user={user}
          states={states.data}
          onJoined={() => {
            participations.reload();
            setRefreshKey((k) => k + 1);
          }}
        />
      ) : null}

      {user.role === 'coordinator' || user.role === 'admin' ? <EmailLogPanel programCode={programCode} /> : null}

      {user.role === 'coordinator' ? (
        <section aria-labelledby="enrol-title" className="panel">
          <h2 id="enrol-title">Adherir una entidad al programa</h2>
          {enrolled ? <SuccessNotice>{enrolled}</SuccessNotice> : null}
          {states.error ? (
            <LoadError error={states.error} onRetry={states.reload} />
          ) : !states.data || !participations.data ? (
            <Loading label="Cargando entidades federativas…" />
          ) : (
            <EnrolForm
              programCode={programCode}
              states={states.data}
              participating={new Set(participations.data.map((p) => p.stateCode))}
              onSubmit={() => setEnrolled(null)}
              onEnrolled={(p) => {
                setEnrolled(`${p.stateName ?? stateNames.get(p.stateCode) ?? p.stateCode} se adhirió al programa el ${formatDate(p.joinedOn)}.`);
                participations.reload();
                setRefreshKey((k) => k + 1);
              }}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
