import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './client';
import { useSession } from '../auth/session';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs one API path (null: nothing to load yet) and keeps the answer; a change of path or `reload()` fetches
 * again, and an answer for a path no longer wanted is dropped.
 */
export function useResource<T>(path: string | null, transform?: (raw: unknown) => T): Resource<T> {
  const { api } = useSession();
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError; loading: boolean }>({ path, loading: path !== null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ path, data: s.path === path ? s.data : undefined, loading: true }));
    api.get<unknown>(path).then(
      (raw) => current && setState({ path, data: transform ? transform(raw) : (raw as T), loading: false }),
      (e: unknown) => current && setState({ path, error: e instanceof ApiError ? e : new ApiError(0, String(e)), loading: false }),
    );
    return () => {
      current = false;
    };
    // `transform` is a pure mapping chosen by the caller; a new function identity must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, path, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const fresh = state.path === path;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: path !== null && (!fresh || state.loading), reload };
}

export interface Resources<T> {
  /** In the order of the paths; undefined until every one has answered. */
  data: T[] | undefined;
  /** The first failure, if any. */
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs several API paths at once (e.g. the detail of each reporting round) and keeps the answers together:
 * `data` appears when all have answered; any failure is `error`. The paths' identity is their joined text.
 */
export function useResources<T>(paths: string[] | null): Resources<T> {
  const { api } = useSession();
  const key = paths === null ? null : paths.join('\n');
  const [state, setState] = useState<{ key: string | null; data?: T[]; error?: ApiError; loading: boolean }>({ key, loading: key !== null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, loading: true }));
    const list = key === '' ? [] : key.split('\n');
    Promise.all(list.map((p) => api.get<T>(p))).then(
      (data) => current && setState({ key, data, loading: false }),
      (e: unknown) => current && setState({ key, error: e instanceof ApiError ? e : new ApiError(0, String(e)), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [api, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: key !== null && (!fresh || state.loading), reload };
}
