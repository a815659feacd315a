import { useState } from 'react';
import type { FieldChange, ProgramVersion, VersionDiff } from '../api/types';
import { useResource } from '../api/use-resource';
import { formatDate } from '../util/format';
import { EmptyState } from './feedback';
import { Loaded } from './loaded';

/** Field names of phases and activities as the coordination calls them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Nombre',
  description: 'Descripción',
  phase: 'Fase',
  level: 'Nivel',
  startDay: 'Inicio (día desde la adhesión)',
  durationDays: 'Duración (días)',
  weight: 'Peso',
  optional: 'Opcional',
  evidenceKinds: 'Evidencia esperada',
  completionNeedsEvidence: 'Se concluye solo con evidencia',
  metrics: 'Métricas',
};

function shown(v: FieldChange['from']): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'Sí' : 'No';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(ninguna)';
  return String(v);
}

/** Two versions chosen side by side and what changed from the first to the second: phases and activities. */
export function VersionDiffView({ programCode, versions }: { programCode: string; versions: ProgramVersion[] }) {
  const [from, setFrom] = useState(versions[0].id);
  const [to, setTo] = useState(versions[versions.length - 1].id);
  const diff = useResource<VersionDiff>(from !== to ? `/programs/${encodeURIComponent(programCode)}/versions/diff?from=${from}&to=${to}` : null);
  const option = (v: ProgramVersion) => (
    <option key={v.id} value={v.id}>
      {v.label} ({formatDate(v.issuedOn)})
    </option>
  );
  return (
    <section aria-labelledby="diff-title" className="panel" data-testid="version-diff">
      <h2 id="diff-title">Cambios entre versiones</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="diff-from">De</label>
          <select id="diff-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-to">A</label>
          <select id="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map(option)}
          </select>
        </div>
      </div>
      {from === to ? (
        <p className="hint">Elija dos versiones distintas.</p>
      ) : (
        <Loaded resource={diff} loadingLabel="Comparando versiones…" notFound="No se encontró una de las versiones.">
          {(d) =>
            d.activities.added.length + d.activities.removed.length + d.activities.changed.length + d.phases.added.length + d.phases.removed.length + d.phases.changed.length === 0 ? (
              <EmptyState title="Las dos versiones tienen las mismas fases y actividades." />
            ) : (
              <>
                <DiffList title="Actividades agregadas" testId="diff-added" items={d.activities.added.map((a) => `${a.code} ${a.name} (fase ${a.phase})`)} />
                <DiffList title="Actividades retiradas" testId="diff-removed" items={d.activities.removed.map((a) => `${a.code} ${a.name} (fase ${a.phase})`)} />
                <Changes title="Actividades modificadas" testId="diff-changed" changed={d.activities.changed} />
                <DiffList title="Fases agregadas" testId="diff-phases-added" items={d.phases.added.map((p) => `Fase ${p.number}: ${p.name}`)} />
                <DiffList title="Fases retiradas" testId="diff-phases-removed" items={d.phases.removed.map((p) => `Fase ${p.number}: ${p.name}`)} />
                <Changes title="Fases modificadas" testId="diff-phases-changed" changed={d.phases.changed.map((c) => ({ ...c, key: `Fase ${c.key}` }))} />
              </>
            )
          }
        </Loaded>
      )}
    </section>
  );
}

function DiffList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (!items.length) return null;
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </div>
  );
}

function Changes({ title, changed, testId }: { title: string; changed: VersionDiff['activities']['changed']; testId: string }) {
  if (!changed.length) return null;
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {changed.map((c) => (
          <li key={c.key}>
            <strong>
              {c.key} {c.name}
            </strong>
            <ul>
              {c.changes.map((x) => (
                <li key={x.field}>
                  {FIELD_LABELS[x.field] ?? x.field}: {shown(x.from)} → {shown(x.to)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
