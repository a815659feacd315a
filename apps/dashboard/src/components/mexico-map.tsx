import mexico from '@svg-maps/mexico';
import type { TrafficLight } from '../api/types';
import { Link } from '../router/router';
import { formatPercent, STATUS_LABELS, TRAFFIC_LIGHTS } from '../util/format';
import { STATUS_COLORS } from './progress-bits';

// Map data: @svg-maps/mexico (CC BY 4.0, Victor Cazanave), one SVG path per state with the ISO 3166-2
// subdivision suffix as id. The dashboard works with INEGI codes, so they are matched here.

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

const MAP = mexico as unknown as SvgMap;

const INEGI_BY_ISO: Record<string, string> = {
  agu: '01', bcn: '02', bcs: '03', cam: '04', coa: '05', col: '06', chp: '07', chh: '08', cmx: '09', dur: '10', gua: '11',
  gro: '12', hid: '13', jal: '14', mex: '15', mic: '16', mor: '17', nay: '18', nle: '19', oax: '20', pue: '21', que: '22',
  roo: '23', slp: '24', sin: '25', son: '26', tab: '27', tam: '28', tla: '29', ver: '30', yuc: '31', zac: '32',
};

export interface MapState {
  stateCode: string;
  name: string;
  status: TrafficLight;
  progress: number;
  href?: string | null;
}

/**
 * Mexico with each participating state filled by its traffic light and overlaid with a pattern of its own
 * (solid, dots, stripes, cross-hatching), so the status reads without colour; states that do not take part
 * are plain grey. Every state has a title (name, status, progress); a participating one the user may open is a
 * link to its page.
 */
export function MexicoMap({ states, stateNames, title }: { states: MapState[]; stateNames: Map<string, string>; title: string }) {
  const byCode = new Map(states.map((s) => [s.stateCode, s]));
  const counts = TRAFFIC_LIGHTS.map((s) => [s, states.filter((x) => x.status === s).length] as const);
  return (
    <figure className="map">
      <svg viewBox={MAP.viewBox} role="group" aria-labelledby="map-title" data-testid="mexico-map" className="map-svg">
        <title id="map-title">{title}</title>
        <defs>
          <pattern id="pat-completed" width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={STATUS_COLORS.completed} />
            <circle cx="4" cy="4" r="1.4" fill="#ffffff" />
          </pattern>
          <pattern id="pat-on_track" width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={STATUS_COLORS.on_track} />
          </pattern>
          <pattern id="pat-at_risk" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="7" height="7" fill={STATUS_COLORS.at_risk} />
            <line x1="0" y1="0" x2="0" y2="7" stroke="#5c3d00" strokeWidth="2" />
          </pattern>
          <pattern id="pat-off_track" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="7" height="7" fill={STATUS_COLORS.off_track} />
            <line x1="0" y1="0" x2="0" y2="7" stroke="#ffffff" strokeWidth="1.5" />
            <line x1="0" y1="0" x2="7" y2="0" stroke="#ffffff" strokeWidth="1.5" />
          </pattern>
        </defs>
        {MAP.locations.map((loc) => {
          const code = INEGI_BY_ISO[loc.id];
          const s = code ? byCode.get(code) : undefined;
          const name = (code && stateNames.get(code)) ?? s?.name ?? loc.name;
          const label = s ? `${name}: ${STATUS_LABELS[s.status]}, avance ${formatPercent(s.progress)}` : `${name}: no participa`;
          const shape = (
            <path
              d={loc.path}
              className={s ? `map-state map-state-${s.status}` : 'map-state map-state-none'}
              fill={s ? `url(#pat-${s.status})` : undefined}
              data-state-code={code}
              data-status={s?.status ?? 'none'}
            >
              <title>{label}</title>
            </path>
          );
          return s?.href ? (
            <Link key={loc.id} to={s.href} aria-label={label} className="map-link">
              {shape}
            </Link>
          ) : (
            <g key={loc.id}>{shape}</g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend" aria-label="Leyenda del mapa">
          {counts.map(([s, n]) => (
            <li key={s}>
              <svg width="26" height="14" aria-hidden="true" className="map-swatch">
                <rect width="26" height="14" fill={`url(#pat-${s})`} stroke="#1d2327" strokeWidth="1" />
              </svg>
              {STATUS_LABELS[s]} ({n})
            </li>
          ))}
          <li>
            <svg width="26" height="14" aria-hidden="true" className="map-swatch">
              <rect width="26" height="14" className="map-state-none" stroke="#1d2327" strokeWidth="1" />
            </svg>
            No participa
          </li>
        </ul>
        <p className="hint">Mapa: @svg-maps/mexico (CC BY 4.0).</p>
      </figcaption>
    </figure>
  );
}
