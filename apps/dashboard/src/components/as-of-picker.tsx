import { useEffect, useState } from 'react';
import { useResource } from '../api/use-resource';
import { navigate, useLocation } from '../router/router';
import { formatDate } from '../util/format';

/** The query parameter that carries the "as of" date of every figure on a page (`?fecha=2025-06-30`). */
export const AS_OF_PARAM = 'fecha';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date asked for in the URL, or null for "today" (the API's today in the program's time zone). */
export function useAsOf(): string | null {
  const { query } = useLocation();
  const value = query.get(AS_OF_PARAM);
  return value && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** `/programs/x/progress` + asOf → `/programs/x/progress?asOf=2025-06-30`. */
export function withAsOf(path: string, asOf: string | null, name = 'asOf'): string {
  if (!asOf) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(asOf)}`;
}

/**
 * The API's today (its clock, in the program's time zone): the latest date the picker offers. Without a date in
 * the URL it is the date the page's figures answered for; with one, the cheap reporting-rounds list says it.
 */
export function useApiToday(programCode: string, answeredAsOf: string | null): string | null {
  const asOf = useAsOf();
  const res = useResource<{ asOf: string }>(asOf ? `/programs/${encodeURIComponent(programCode)}/reporting-rounds` : null);
  return asOf ? (res.data?.asOf ?? null) : answeredAsOf;
}

/**
 * The date every figure on the page is computed at. The chosen date lives in the URL (`?fecha=`), so a view can
 * be bookmarked and shared; "Hoy" removes it. `shownAsOf` is the date the API answered for (its today when the
 * URL names none).
 */
export function AsOfPicker({ shownAsOf, today }: { shownAsOf: string | null; today: string | null }) {
  const { path, query } = useLocation();
  const asOf = useAsOf();
  const [value, setValue] = useState(asOf ?? shownAsOf ?? '');

  useEffect(() => {
    setValue(asOf ?? shownAsOf ?? '');
  }, [asOf, shownAsOf]);

  const go = (next: string | null) => {
    const q = new URLSearchParams(query);
    if (next) q.set(AS_OF_PARAM, next);
    else q.delete(AS_OF_PARAM);
    const qs = q.toString();
    navigate(`${path}${qs ? `?${qs}` : ''}`, { replace: true });
  };

  return (
    <div className="as-of" data-testid="as-of">
      <div className="as-of-field">
        <label htmlFor="as-of-date">Fecha de corte</label>
        <input
          id="as-of-date"
          type="date"
          value={value}
          max={today ?? undefined}
          aria-describedby="as-of-hint"
          onChange={(e) => {
            setValue(e.target.value);
            if (ISO_DATE.test(e.target.value)) go(e.target.value);
          }}
        />
      </div>
      {asOf ? (
        <button type="button" className="button button-secondary button-small" onClick={() => go(null)}>
          Ver cifras de hoy
        </button>
      ) : null}
      <p className="hint" id="as-of-hint" role="status">
        {shownAsOf ? <>Cifras al {formatDate(shownAsOf)}{asOf ? '' : ' (hoy)'}. Todas las cifras de esta página usan esta fecha.</> : 'Cargando cifras…'}
      </p>
    </div>
  );
}
