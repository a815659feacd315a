import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Api } from './client';
import { useSession } from '../auth/session';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * What one load keeps: the answer for `key` (a path, or several joined), or its error. An answer for a key no
 * longer wanted is dropped; while a key reloads, its previous answer stays on screen.
 */
function useLoad<T>(key: string | null, load: (api: Api, key: string) => Promise<T>): Resource<T> {
  const { api } = useSession();
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>({ key, loading: key !== null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    load(api, key).then(
      (data) => current && setState({ key, data, loading: false }),
      (e: unknown) => current && setState({ key, error: e instanceof ApiError ? e : new ApiError(0, String(e)), loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is fixed by the calling hook for a given key; a new function identity must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: key !== null && (!fresh || state.loading), reload };
}

/**
 * GETs one API path (null: nothing to load yet) and keeps the answer; a change of path or `reload()` fetches
 * again, and an answer for a path no longer wanted is dropped.
 */
export function useResource<T>(path: string | null, transform?: (raw: unknown) => T): Resource<T> {
  // `transform` is a pure mapping chosen by the caller; a new function identity must not refetch.
  return useLoad(path, (api, p) => api.get<unknown>(p).then((raw) => (transform ? transform(raw) : (raw as T))));
}

/** Several answers kept together (see `useResources`). */
export type Resources<T> = Resource<T[]>;

/**
 * GETs several API paths at once (e.g. the detail of each reporting round) and keeps the answers together:
 * `data` appears when all have answered; any failure is `error`. The paths' identity is their joined text.
 */
export function useResources<T>(paths: string[] | null): Resources<T> {
  return useLoad(paths === null ? null : paths.join('\n'), (api, key) => Promise.all((key === '' ? [] : key.split('\n')).map((p) => api.get<T>(p))));
}
