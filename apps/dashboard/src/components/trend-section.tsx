import type { SnapshotSeries } from '../api/types';
import { useResource } from '../api/use-resource';
import { TrendChart } from './charts';
import { EmptyState } from './feedback';
import { Loaded } from './loaded';

interface Props {
  programCode: string;
  /** One state's trend; without it, the national one. */
  stateCode?: string;
  /** The date the page shows: the series ends there. */
  to: string | null;
  scopeLabel: string;
}

/** Weekly figures computed by the API from the report history (full from the first day, no nightly job needed). */
export function TrendSection({ programCode, stateCode, to, scopeLabel }: Props) {
  const query = new URLSearchParams(to ? { to } : {});
  if (stateCode) query.set('stateCode', stateCode);
  const trend = useResource<SnapshotSeries>(to ? `/programs/${encodeURIComponent(programCode)}/progress/trend?${query}` : null);
  const titleId = stateCode ? `trend-title-${stateCode}` : 'trend-title';
  return (
    <section aria-labelledby={titleId} className="panel" data-testid="trend">
      <h2 id={titleId}>Tendencia</h2>
      <p className="summary">Semana por semana desde la adhesión, calculada del historial de reportes.</p>
      <Loaded resource={trend}>
        {({ points }) =>
          points.length === 0 ? (
            <EmptyState title="Aún no hay historial que graficar." />
          ) : (
            <TrendChart testId="trend-chart" title={`Gráfica de líneas del avance ${scopeLabel}, el avance validado y el esperado, semana por semana`} points={points} />
          )
        }
      </Loaded>
    </section>
  );
}
