import { useState, type FormEvent } from 'react';
import type { ReviewRoundDetail, ReviewRoundList, ReviewRoundStatus } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { describeLoadError, EmptyState, ErrorNotice } from '../components/feedback';
import { Field, type FieldErrors } from '../components/field';
import { FormActions } from '../components/form-actions';
import { Loaded } from '../components/loaded';
import { ScrollTable } from '../components/scroll-table';
import { SymbolTag } from '../components/symbol-tag';
import { reviseMessage, useApiForm } from '../components/use-api-form';
import { paths } from '../programs/programs';
import { Link, navigate } from '../router/router';
import { formatDate, formatDateTime, REVIEW_ROUND_STATUS_LABELS } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';

/** Roles that create review rounds, add findings and close rounds (the API refuses anyone else). */
export const REVIEW_WRITERS = ['reviewer', 'coordinator'] as const;

// A message for the page of the round just created; that page reads it when it opens, then clears it.
let flash: { roundCode: string; message: string } | null = null;
export function peekFlash(roundCode: string): string | null {
  return flash?.roundCode === roundCode ? flash.message : null;
}
export function clearFlash(): void {
  flash = null;
}

export function RoundStatusTag({ status }: { status: ReviewRoundStatus }) {
  return (
    <SymbolTag className={status === 'open' ? 'tag-info' : 'tag-muted'} status={status} symbol={status === 'open' ? '○' : '■'}>
      {REVIEW_ROUND_STATUS_LABELS[status]}
    </SymbolTag>
  );
}

/**
 * Review rounds of the commission: every round (code, title, date of its frozen figures, open or closed, the
 * agreement that closed it) and, for reviewers and the coordination, the form that freezes a new one.
 */
export function ReviewRoundsPage({ params, user }: PageProps) {
  const { programCode } = params;
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const list = useResource<ReviewRoundList>(`${base}/review-rounds`);
  const canWrite = (REVIEW_WRITERS as readonly string[]).includes(user.role);
  useDocumentTitle('Rondas de revisión');
  const rounds = list.data ? [...list.data.rounds].reverse() : [];

  return (
    <>
      <div className="page-heading">
        <h1>Rondas de revisión</h1>
        <p className="lead">
          Cada ronda congela todas las cifras de avance e indicadores a una fecha, con un código citable, y reúne las observaciones de la comisión hasta que
          se cierra con su acuerdo.
        </p>
      </div>
      {user.role === 'state_officer' ? <p className="notice notice-info">Puede consultar las rondas y las observaciones sobre su entidad.</p> : null}

      <section aria-labelledby="review-rounds-title" className="panel">
        <h2 id="review-rounds-title">Rondas</h2>
        <Loaded resource={list} loadingLabel="Cargando rondas de revisión…" notFound="No se encontró este programa.">
          {() =>
            rounds.length === 0 ? (
              <EmptyState title="Aún no hay rondas de revisión.">{canWrite ? <p>Cree la primera con el formulario de abajo.</p> : null}</EmptyState>
            ) : (
              <ScrollTable labelledBy="review-rounds-title" testId="review-rounds-table" columns={['Código', 'Título', 'Fecha de corte', 'Situación', 'Observaciones', 'Acuerdo', 'Creada']}>
                {rounds.map((r) => (
                  <tr key={r.id} data-round={r.code}>
                    <th scope="row">
                      <Link to={paths.reviewRound(programCode, r.code)}>{r.code}</Link>
                    </th>
                    <td data-label="Título">{r.title}</td>
                    <td data-label="Fecha de corte">
                      <time dateTime={r.asOf}>{formatDate(r.asOf)}</time>
                    </td>
                    <td data-label="Situación" data-col="status">
                      <RoundStatusTag status={r.status} />
                    </td>
                    <td data-label="Observaciones" data-col="findings">
                      {r.findingCount}
                    </td>
                    <td data-label="Acuerdo" data-col="agreement">
                      {r.agreementReference ?? '—'}
                    </td>
                    <td data-label="Creada">
                      {formatDateTime(r.createdAt)}
                      {r.createdBy.name ? <span className="hint"> · {r.createdBy.name}</span> : null}
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            )
          }
        </Loaded>
      </section>

      {canWrite ? (
        <section aria-labelledby="new-round-title" className="panel form-panel">
          <h2 id="new-round-title">Nueva ronda de revisión</h2>
          <NewRoundForm programCode={programCode} />
        </section>
      ) : null}
    </>
  );
}

function NewRoundForm({ programCode }: { programCode: string }) {
  const { api } = useSession();
  const base = `/programs/${encodeURIComponent(programCode)}`;
  // The API's today (its clock, the program's time zone): the default and the latest date allowed.
  const today = useResource<{ asOf: string }>(`${base}/reporting-rounds`).data?.asOf ?? null;
  const [title, setTitle] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const form = useApiForm(['title', 'asOf', 'code']);
  const { errors } = form;
  const date = asOf ?? today ?? '';

  function submit(e: FormEvent) {
    e.preventDefault();
    const own: FieldErrors = {};
    if (!title.trim()) own.title = ['Escriba el título de la ronda.'];
    if (!date) own.asOf = ['Elija la fecha de corte.'];
    void form.attempt(
      own,
      async () => {
        const body: { title: string; asOf: string; code?: string } = { title: title.trim(), asOf: date };
        if (code.trim()) body.code = code.trim();
        const round = await api.post<ReviewRoundDetail>(`${base}/review-rounds`, body);
        flash = { roundCode: round.code, message: `Se congelaron las cifras al ${formatDate(round.asOf)} en la ronda ${round.code}.` };
        navigate(paths.reviewRound(programCode, round.code));
      },
      (err, unplaced) => {
        if (err.status === 409) return err.fieldMessages('code').length ? 'Ese código ya está en uso.' : err.message;
        if (err.status === 400) return reviseMessage(unplaced);
        if (err.status === 403) return 'Solo la comisión revisora y la coordinación nacional pueden crear rondas de revisión.';
        return describeLoadError(err);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="new-round-title" data-testid="new-round-form">
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id="round-title" label="Título" errors={errors.title} required className="field-wide">
        {(a11y) => <input {...a11y} type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id="round-as-of" label="Fecha de corte" hint="Las cifras se congelan como estaban a esta fecha; no puede ser posterior a hoy." errors={errors.asOf} required>
        {(a11y) => <input {...a11y} type="date" value={date} max={today ?? undefined} onChange={(e) => setAsOf(e.target.value)} />}
      </Field>
      <Field id="round-code" label="Código (opcional)" hint="Si lo deja vacío se asigna RR-año-número." errors={errors.code}>
        {(a11y) => <input {...a11y} type="text" maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Crear ronda y congelar cifras" busyLabel="Congelando cifras…" />
    </form>
  );
}
