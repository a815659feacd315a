import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Link } from '../router/router';

export function Loading({ label = 'Cargando…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An error announced to screen readers as it appears. */
export function ErrorNotice({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Error:</strong> {children}
      </p>
      {action}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      <p>
        <strong>Listo:</strong> {children}
      </p>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** What a failed load says, in Spanish, by status; the API's own message stays visible for support. */
export function describeLoadError(e: ApiError): string {
  if (e.status === 0) return e.message;
  if (e.status === 404) return 'No se encontró lo que busca.';
  if (e.status === 403) return 'No tiene acceso a esta información.';
  if (e.status === 503) return 'La base de datos no está disponible por ahora; intente en unos minutos.';
  if (e.status >= 500) return 'Ocurrió un error en el servidor; intente de nuevo más tarde.';
  return `No se pudo cargar la información (${e.status}).`;
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <ErrorNotice
      action={
        onRetry ? (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Reintentar
          </button>
        ) : undefined
      }
    >
      {describeLoadError(error)}
    </ErrorNotice>
  );
}

/** Shown when the API answers 403: never any data of the record asked for. */
export function NoAccess({ homeHref, children }: { homeHref: string; children?: ReactNode }) {
  return (
    <section className="no-access" aria-labelledby="no-access-title">
      <h1 id="no-access-title" tabIndex={-1}>
        No tiene acceso
      </h1>
      <div role="alert">
        <p>{children ?? 'Su cuenta no tiene acceso a esta página.'}</p>
      </div>
      <p>
        <Link to={homeHref} className="button">
          Ir a mi página de inicio
        </Link>
      </p>
    </section>
  );
}
