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

export interface RequestOptions {
  headers?: Record<string, string>;
}

/** A downloaded file: its bytes and the name the API gave it (Content-Disposition). */
export interface Download {
  blob: Blob;
  filename: string | null;
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** multipart/form-data (the browser sets the boundary). */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** A file behind authentication (e.g. evidence), as a Blob to hand to the browser. */
  download(path: string): Promise<Download>;
}

/**
 * A small fetch wrapper: JSON in and out, the bearer token on every call, and one place that notices an
 * expired session (401 on anything but the login itself).
 */
export function createApi(getToken: () => string | null, onUnauthorized: () => void): Api {
  async function send(method: string, path: string, body: unknown, opts: RequestOptions & { accept?: string } = {}): Promise<Response> {
    // The API answers its messages in es-MX when asked (English otherwise).
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', 'Accept-Language': 'es-MX', ...opts.headers };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${API_BASE}${path}`, { method, headers, body: body === undefined ? undefined : isForm ? body : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'No se pudo conectar con el servidor. Revise su conexión e intente de nuevo.');
    }
    if (!res.ok) throw await toApiError(res, Boolean(token));
    return res;
  }

  async function toApiError(res: Response, hadToken: boolean): Promise<ApiError> {
    const data = parseJson(await res.text().catch(() => ''));
    const e = (data ?? {}) as { message?: unknown; errors?: unknown };
    const errors = Array.isArray(e.errors) ? (e.errors as FieldError[]) : [];
    const message = typeof e.message === 'string' ? e.message : Array.isArray(e.message) ? e.message.join('; ') : res.statusText;
    if (res.status === 401 && hadToken) onUnauthorized();
    return new ApiError(res.status, message, errors);
  }

  async function call<T>(method: string, path: string, body?: unknown, opts?: RequestOptions): Promise<T> {
    const res = await send(method, path, body, opts);
    return parseJson(await res.text()) as T;
  }

  async function download(path: string): Promise<Download> {
    const res = await send('GET', path, undefined, { accept: '*/*' });
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    let filename: string | null = null;
    try {
      filename = star ? decodeURIComponent(star[1]) : plain ? plain[1] : null;
    } catch {
      filename = plain ? plain[1] : null;
    }
    return { blob: await res.blob(), filename };
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body, opts) => call('POST', path, body, opts),
    patch: (path, body) => call('PATCH', path, body),
    put: (path, body) => call('PUT', path, body),
    upload: (path, form) => call('POST', path, form),
    download,
  };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Lists may come bare or wrapped (`{ items: [...] }`); the dashboard takes either. */
export function asList<T>(data: unknown, key = 'items'): T[] {
  if (Array.isArray(data)) return data as T[];
  const wrapped = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(wrapped) ? (wrapped as T[]) : [];
}

/** Path segment escaping for codes taken from the URL. */
export const seg = (s: string) => encodeURIComponent(s);
