import type { FieldError } from './types';

export const API_BASE = '/api/v1';

/** An API answer other than 2xx, in the API's error shape `{ statusCode, message, errors }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages the API gave for one field (e.g. `plannedDue`). */
  fieldMessages(field: string): string[] {
    return this.errors.filter((e) => e.field === field).map((e) => e.message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

/**
 * A small fetch wrapper: JSON in and out, the bearer token on every call, and one place that notices an
 * expired session (401 on anything but the login itself).
 */
export function createApi(getToken: () => string | null, onUnauthorized: () => void): Api {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${API_BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'No se pudo conectar con el servidor. Revise su conexión e intente de nuevo.');
    }
    const text = await res.text();
    let data: unknown = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!res.ok) {
      const e = (data ?? {}) as { message?: unknown; errors?: unknown };
      const errors = Array.isArray(e.errors) ? (e.errors as FieldError[]) : [];
      const error = new ApiError(res.status, typeof e.message === 'string' ? e.message : res.statusText, errors);
      if (res.status === 401 && token) onUnauthorized();
      throw error;
    }
    return data as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}

/** Lists may come bare or wrapped (`{ items: [...] }`); the dashboard takes either. */
export function asList<T>(data: unknown, key = 'items'): T[] {
  if (Array.isArray(data)) return data as T[];
  const wrapped = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(wrapped) ? (wrapped as T[]) : [];
}

/** Path segment escaping for codes taken from the URL. */
export const seg = (s: string) => encodeURIComponent(s);
