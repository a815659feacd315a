import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { EmptyState, LoadError, Loading } from './feedback';

/** What `useResource` / `useResources` give back, as far as showing it goes. */
interface Loadable<T> {
  data: T | undefined;
  error: ApiError | undefined;
  reload: () => void;
}

interface Props<T> {
  resource: Loadable<T>;
  loadingLabel?: string;
  /** Said (as an empty state) instead of the error when the API answers 404, e.g. "No se encontró este programa.". */
  notFound?: string;
  children: (data: T) => ReactNode;
}

/**
 * The three states of a section that loads its data, in the same order everywhere: the load error (with
 * "Reintentar"), the spinner until the answer arrives, then the content drawn from the data.
 */
export function Loaded<T>({ resource, loadingLabel, notFound, children }: Props<T>) {
  if (resource.error) {
    return resource.error.status === 404 && notFound !== undefined ? <EmptyState title={notFound} /> : <LoadError error={resource.error} onRetry={resource.reload} />;
  }
  if (resource.data === undefined) return <Loading label={loadingLabel} />;
  return <>{children(resource.data)}</>;
}
