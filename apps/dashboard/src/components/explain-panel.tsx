import { useState } from 'react';
import type { NationalExplanation, StateExplanation, UnitExplanation } from '../api/types';
import { useResource } from '../api/use-resource';
import { formatDate, formatNumber, formatPercent, formatPoints, REPORT_STATUS_LABELS, REVIEW_STATE_LABELS, STATUS_LABELS } from '../util/format';
import type { ReportStatus, ReviewState } from '../api/types';
import { EVIDENCE_KIND_LABELS } from './evidence-list';
import { EmptyState, LoadError, Loading } from './feedback';
import { StatusTag } from './progress-bits';
import { ScrollTable } from './scroll-table';

// "Explicación": the arithmetic behind a figure, from the API's explain routes (the dashboard shows the
// numbers the API used; it never recomputes them). Loaded only when the reader opens the panel.

const n1 = (v: number) => formatNumber(v);

export function ExplainDetails({ path, kind, testId }: { path: string; kind: 'national' | 'state'; testId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="explain" data-testid={testId} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Explicación: cómo se calculan estas cifras</summary>
      {open ? kind === 'national' ? <NationalExplain path={path} /> : <StateExplain path={path} /> : null}
    </details>
  );
}

function NationalExplain({ path }: { path: string }) {
  const res = useResource<NationalExplanation>(path);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading label="Cargando la explicación…" />;
  const { arithmetic: a, figures: f, states } = res.data;
  if (a.states === 0) return <EmptyState title={`Ninguna entidad participaba el ${formatDate(res.data.asOf)}: no hay cifras nacionales.`} />;
  return (
    <div className="explain-body">
      <p>
        Cada entidad pesa lo mismo: el avance nacional es el promedio simple del avance de las {a.states} entidades que participaban el{' '}
        {formatDate(res.data.asOf)}.
      </p>
      <ul className="formulas" data-testid="explain-formulas">
        <li>
          Avance nacional = Σ P ÷ n = {n1(a.sumProgress)} ÷ {a.states} = <strong>{formatPercent(f.progress)}</strong>
        </li>
        <li>
          Avance validado = Σ V ÷ n = {n1(a.sumValidatedProgress)} ÷ {a.states} = <strong>{formatPercent(f.validatedProgress)}</strong>
        </li>
        <li>
          Esperado = Σ E ÷ n = {n1(a.sumExpected)} ÷ {a.states} = <strong>{formatPercent(f.expected)}</strong>
        </li>
        <li>
          Desviación = avance − esperado = <strong>{formatPoints(f.variance)}</strong> → {f.status ? STATUS_LABELS[f.status] : 'sin datos'}
        </li>
      </ul>
      <ScrollTable
        label="Términos por entidad"
        className="data-table compact"
        caption="Avance, avance validado y esperado de cada entidad"
        columns={['Entidad', 'P (avance)', 'V (validado)', 'E (esperado)', 'Semáforo']}
      >
        {states.map((s) => (
          <tr key={s.stateCode}>
            <th scope="row">{s.stateName}</th>
            <td>{formatPercent(s.progress)}</td>
            <td>{formatPercent(s.validatedProgress)}</td>
            <td>{formatPercent(s.expected)}</td>
            <td>
              <StatusTag status={s.status} />
            </td>
          </tr>
        ))}
      </ScrollTable>
    </div>
  );
}

function reportLine(u: UnitExplanation): string {
  const r = u.currentReport;
  if (!r) return 'sin reporte vigente: 0 %';
  const status = REPORT_STATUS_LABELS[r.status as ReportStatus] ?? r.status;
  const review = REVIEW_STATE_LABELS[r.reviewState as ReviewState] ?? r.reviewState;
  return `reporte del ${formatDate(r.reportedOn)}: ${status}, ${formatPercent(r.percent)} (${review.toLowerCase()})`;
}

function StateExplain({ path }: { path: string }) {
  const res = useResource<StateExplanation>(path);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading label="Cargando la explicación…" />;
  const { arithmetic: a, figures: f, items } = res.data;
  return (
    <div className="explain-body">
      <p>
        El avance de la entidad es el promedio de sus actividades incluidas, ponderado por el peso (w) de cada una. El avance de una actividad (p) es el
        porcentaje de su reporte vigente al {formatDate(res.data.asOf)} (el más reciente que no fue devuelto); en las actividades por institución, el
        promedio de las instituciones activas. El esperado (e) crece en línea recta del inicio al término planificados. Una actividad marcada
        «Se concluye con evidencia» solo admite un reporte «Concluida» que traiga evidencia de cada tipo indicado (conclusión verificable, según el
        documento del programa).
      </p>
      <ul className="formulas" data-testid="explain-formulas">
        <li>
          Avance (P) = Σ w·p ÷ Σ w = {n1(a.sumWeightedProgress)} ÷ {n1(a.sumWeights)} = <strong>{formatPercent(f.progress)}</strong>
        </li>
        <li>
          Avance validado (V) = Σ w·v ÷ Σ w = {n1(a.sumWeightedValidatedProgress)} ÷ {n1(a.sumWeights)} = <strong>{formatPercent(f.validatedProgress)}</strong>
        </li>
        <li>
          Esperado (E) = Σ w·e ÷ Σ w = {n1(a.sumWeightedExpected)} ÷ {n1(a.sumWeights)} = <strong>{formatPercent(f.expected)}</strong>
        </li>
        <li>
          Desviación (SV) = P − E = <strong>{formatPoints(f.variance)}</strong> → {STATUS_LABELS[f.status]}
        </li>
      </ul>
      <ScrollTable
        label="Cálculo por actividad"
        className="data-table compact stack-on-phone"
        testId="explain-items"
        caption="Peso, avance y esperado de cada actividad"
        columns={['Actividad', 'w', 'p', 'w·p', 'e', 'w·e', 'De dónde sale p']}
      >
        {items.map((i) => (
          <tr key={i.activityCode} data-activity={i.activityCode} className={i.included ? '' : 'row-excluded'}>
            <th scope="row">
              {i.activityCode}
              {i.included ? null : <span className="tag tag-muted tag-inline">Excluida</span>}
              {i.completionEvidence.length ? (
                <span className="hint completion-rule">Se concluye con evidencia: {i.completionEvidence.map((k) => EVIDENCE_KIND_LABELS[k] ?? k).join(', ').toLowerCase()}</span>
              ) : null}
              {i.completionFormats.length ? (
                <span className="hint completion-rule" data-testid="completion-formats">
                  Formatos esperados: {i.completionFormats.map((f) => `${f.code} (${f.name})`).join(', ')}
                </span>
              ) : null}
            </th>
            <td data-label="w">{n1(i.weight)}</td>
            <td data-label="p">{formatPercent(i.progress)}</td>
            <td data-label="w·p">{n1(i.weightedProgress)}</td>
            <td data-label="e">{formatPercent(i.expected)}</td>
            <td data-label="w·e">{n1(i.weightedExpected)}</td>
            <td data-label="De dónde sale p">
              {i.noInstitutions ? (
                'Sin instituciones activas: 0 %'
              ) : (
                <ul className="plain-list">
                  {i.units.map((u) => (
                    <li key={u.institutionId ?? 'state'}>
                      {u.institutionName ? `${u.institutionName}: ` : ''}
                      {reportLine(u)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </div>
  );
}
