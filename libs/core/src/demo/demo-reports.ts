import type { DataSource } from 'typeorm';
import { withLongStatements } from '../../../database/src/long-operation.js';
import { addDays, daysBetween } from '../../../platform/src/util/dates.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Institution } from '../institutions/institution.entity.js';
import { InstitutionsRepository } from '../institutions/institutions.repository.js';
import { ParticipationsRepository } from '../plans/participations.repository.js';
import { PlanItemsRepository, type PlanItemWithActivity } from '../plans/plan-items.repository.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import type { ReportStatus, ReviewState } from '../reports/report.entity.js';
import type { ReportWriteHooks } from '../reports/report-write-hooks.js';
import { ReportsRepository, type NewEvidence } from '../reports/reports.repository.js';
import type { FileStorage } from '../files/file-storage.js';
import { StoredFilesRepository } from '../files/stored-files.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { demoDocumentPdf } from './demo-document.js';
import { createHash, randomUUID } from 'node:crypto';

/**
 * Demo report histories for program `condatos-2024` (SPEC §5 demo mode): for every participation and its
 * institutions, reports dated between the join date and `today`, generated from a seeded pseudo-random stream
 * (the same inputs always give the same histories). Some states keep pace, a few fall clearly behind.
 *
 * - Reports are written through `ReportsRepository.insertHistorical` in one transaction, in creation order, so
 *   `seq` follows the historical `createdAt`. Every seeded report gets an audit row `report.seed` (null actor),
 *   whose `after` records its review state; the seed writes no `report.accept` / `report.return` rows.
 * - Authors are the demo officers (`officer.<state>@rumbo.demo`), reviews are by `coordinator@rumbo.demo`
 *   (falling back to any coordinator / admin; with none, every report stays pending).
 * - Metric values and dataset evidence are cumulative: a report states the unit's totals as of its date, as the
 *   percent does, so the current (validated) report of a unit carries its figures.
 * - Document evidence is a stored file (a one-page PDF naming the document, written to the file storage), one per
 *   unit and activity, so a completed report carries the evidence kinds its activity expects, as submissions must.
 * - Seeding a program that already has reports does nothing (returns zeros).
 */
export const DEMO_REPORTS_PROGRAM = 'condatos-2024';
export const DEMO_REPORTS_SEED = 20241119;

export interface DemoReportsSummary {
  reports: number;
  accepted: number;
  returned: number;
  submitted: number;
  evidence: number;
  /** Demo documents stored as files (one per unit and document activity). */
  documents: number;
}

type Pace = 'ahead' | 'on_track' | 'slow' | 'behind';

interface Profile {
  /** Speed relative to the plan: 1 finishes exactly on the due date. */
  pace: number;
  /** Days between the planned start and the first real work. */
  lag: [number, number];
  /** Days between two reports of one unit. */
  every: [number, number];
  /** Chance that a report in progress says `blocked`. */
  blocked: number;
  /** Chance that an optional activity is never reported on. */
  skipOptional: number;
  /** Chance that a unit stalls for good somewhere in `cap` percent (it then keeps reporting, often `blocked`). */
  stall: number;
  cap: [number, number];
  /** Chance that an institution never reports on an activity at all. */
  idle: number;
}

const PROFILES: Record<Pace, Profile> = {
  ahead: { pace: 1.5, lag: [0, 3], every: [8, 15], blocked: 0, skipOptional: 0, stall: 0, cap: [100, 100], idle: 0 },
  on_track: { pace: 1.3, lag: [0, 5], every: [10, 18], blocked: 0.02, skipOptional: 0, stall: 0, cap: [100, 100], idle: 0 },
  slow: { pace: 0.85, lag: [10, 25], every: [20, 35], blocked: 0.08, skipOptional: 0.3, stall: 0.12, cap: [50, 90], idle: 0.03 },
  behind: { pace: 0.5, lag: [25, 60], every: [30, 50], blocked: 0.15, skipOptional: 0.6, stall: 0.35, cap: [25, 75], idle: 0.12 },
};

/** The demo states (DEMO_PARTICIPATIONS): two ahead or on track, four clearly behind; any other state is drawn. */
const STATE_PACE: Record<string, Pace> = {
  '20': 'on_track', // Oaxaca
  '11': 'ahead', // Guanajuato
  '22': 'on_track', // Querétaro
  '30': 'slow', // Veracruz
  '25': 'slow', // Sinaloa
  '19': 'on_track', // Nuevo León
  '31': 'slow', // Yucatán
  '28': 'behind', // Tamaulipas
  '04': 'behind', // Campeche
  '07': 'behind', // Chiapas
  '27': 'behind', // Tabasco
};

const RETURN_REASONS = [
  'La liga de la evidencia no abre; verifiquen la URL y vuelvan a reportar.',
  'El porcentaje reportado no corresponde con la evidencia presentada.',
  'Falta el oficio firmado por la persona titular del organismo garante.',
  'Los conjuntos de datos no incluyen metadatos DCAT completos: falta la licencia de uso.',
  'La evidencia es de una fecha posterior a la del reporte; corrijan la fecha.',
  'La lista de asistencia no permite verificar el número de personas sensibilizadas.',
  'El documento adjunto corresponde a otra actividad del programa.',
];

const NARRATIVES: Record<ReportStatus, string[]> = {
  not_started: ['Aún no inicia; se programó para las próximas semanas.', 'Se está integrando el equipo que atenderá la actividad.'],
  in_progress: [
    'Avance conforme al plan de trabajo acordado con la coordinación.',
    'Se realizaron reuniones de seguimiento con las áreas responsables.',
    'Se integró un borrador que está en revisión interna.',
    'Se atendieron las observaciones de la mesa de acompañamiento.',
    'Se capacitó al personal responsable y se avanza en la integración.',
  ],
  completed: ['Actividad concluida; se adjunta la evidencia correspondiente.', 'Concluida y validada por la persona titular del área.'],
  blocked: [
    'Sin avance por el cambio de titular en la dependencia.',
    'Pendiente de aprobación presupuestal para contratar el servicio.',
    'En espera de respuesta del sujeto obligado a los oficios enviados.',
  ],
};

const DOCUMENT_TITLES: Record<string, string> = {
  '1.1': 'Oficio de designación de enlaces',
  '1.2': 'Programa estatal de implementación',
  '1.3': 'Acuerdo de aprobación del pleno',
  '2.1': 'Listas de asistencia a las jornadas de sensibilización',
  '2.2': 'Diagnóstico de capacidades institucionales',
  '3.2': 'Padrón de instituciones implementadoras',
  '4.1': 'Oficio de designación de la persona responsable',
  '4.2': 'Inventario de datos priorizado',
  '4.5': 'Informe de verificación de calidad',
  '5.1': 'Reporte trimestral de avance',
  '5.2': 'Informe de resultados para la Comisión',
};

const URL_PATHS: Record<string, [title: string, path: string]> = {
  '3.1': ['Convocatoria publicada', 'convocatoria-datos-abiertos'],
  '4.3': ['Plan de Apertura Institucional publicado', 'plan-de-apertura'],
  '4.6': ['Caso de uso de los datos publicados', 'casos-de-uso'],
};

const DATASETS: { slug: string; title: string; highValue: boolean; format: string }[] = [
  { slug: 'presupuesto-ejercido', title: 'Presupuesto ejercido por capítulo de gasto', highValue: true, format: 'CSV' },
  { slug: 'padron-de-proveedores', title: 'Padrón de proveedores', highValue: false, format: 'CSV' },
  { slug: 'obra-publica', title: 'Obra pública contratada', highValue: true, format: 'CSV' },
  { slug: 'contratos', title: 'Contratos y convenios', highValue: true, format: 'JSON' },
  { slug: 'directorio', title: 'Directorio de personas servidoras públicas', highValue: false, format: 'CSV' },
  { slug: 'tramites-y-servicios', title: 'Catálogo de trámites y servicios', highValue: false, format: 'XLSX' },
  { slug: 'beneficiarios-programas-sociales', title: 'Padrón de beneficiarios de programas sociales', highValue: true, format: 'CSV' },
  { slug: 'unidades-medicas', title: 'Unidades médicas y su capacidad', highValue: false, format: 'CSV' },
  { slug: 'calidad-del-agua', title: 'Monitoreo de la calidad del agua', highValue: true, format: 'CSV' },
  { slug: 'incidencia-delictiva', title: 'Incidencia delictiva por municipio', highValue: true, format: 'CSV' },
  { slug: 'escuelas', title: 'Escuelas y matrícula', highValue: false, format: 'CSV' },
  { slug: 'rutas-transporte', title: 'Rutas de transporte público (GTFS)', highValue: false, format: 'ZIP' },
];

/** One report the seed will write. */
interface PlannedReport {
  planItemId: string;
  institutionId: string | null;
  stateCode: string;
  activityCode: string;
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  createdAt: Date;
  narrative: string;
  metrics: Record<string, number>;
  evidence: PlannedEvidence[];
  reviewState: ReviewState;
  reviewReason: string | null;
  reviewedAt: Date | null;
  authorId: string;
}

/** Evidence as planned: a document names the demo file it will point to once stored (`fileId` is set then). */
type PlannedEvidence = NewEvidence & { document?: DemoDocument };

interface DemoDocument {
  /** One file per state, activity and institution: every report of the unit links the same document. */
  key: string;
  stateCode: string;
  name: string;
  lines: string[];
}

export interface SeedDemoReportsOptions {
  /** Where the demo documents' bytes go (the app's FILE_STORAGE). */
  storage: FileStorage;
  seed?: number;
  /**
   * The reports' write hooks (`app.get(ReportWriteHooks)`): called once per unit written, inside the seed's
   * transaction, so derived data (the progress engine's unit snapshots) is maintained as for API writes.
   */
  hooks?: Pick<ReportWriteHooks, 'afterReportWrite'>;
}

/** Writes the demo report histories; see the module comment. `today` is YYYY-MM-DD (the program's today). */
export async function seedDemoReports(dataSource: DataSource, today: string, options: SeedDemoReportsOptions): Promise<DemoReportsSummary> {
  const seed = options.seed ?? DEMO_REPORTS_SEED;
  const empty: DemoReportsSummary = { reports: 0, accepted: 0, returned: 0, submitted: 0, evidence: 0, documents: 0 };
  const em = dataSource.manager;
  const program = await new ProgramsRepository(em).findByIdOrCode(DEMO_REPORTS_PROGRAM);
  if (!program) return empty;
  const [{ n }]: { n: number }[] = await em.query(
    'SELECT count(*)::int AS n FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1',
    [program.id],
  );
  if (n > 0) return empty;

  const users = new UsersRepository(em);
  const everyone = await users.findAll();
  const reviewer = (await users.findByEmail('coordinator@rumbo.demo')) ?? everyone.find((u) => u.role === 'coordinator' && u.active) ?? everyone.find((u) => u.role === 'admin' && u.active) ?? null;
  const fallbackAuthor = reviewer ?? everyone.find((u) => u.active) ?? null;
  if (!fallbackAuthor) return empty;

  const planned: PlannedReport[] = [];
  for (const participation of await new ParticipationsRepository(em).findByProgram(program.id)) {
    const officer = await users.findByEmail(`officer.${participation.stateCode}@rumbo.demo`);
    const items = await new PlanItemsRepository(em).findByParticipation(participation.id);
    const institutions = await new InstitutionsRepository(em).findByParticipation(participation.id);
    const last = participation.exitedOn && participation.exitedOn <= today ? addDays(participation.exitedOn, -1) : today;
    planned.push(
      ...planState({
        stateCode: participation.stateCode,
        stateSlug: slug(participation.state.shortName).replace(/-/g, ''),
        joinedOn: participation.joinedOn,
        last,
        today,
        items,
        institutions,
        authorId: (officer ?? fallbackAuthor).id,
        reviewing: reviewer !== null,
        seed,
      }),
    );
  }
  planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.stateCode.localeCompare(b.stateCode) || a.activityCode.localeCompare(b.activityCode));

  const documents = new Map(planned.flatMap((r) => r.evidence.flatMap((e) => (e.document ? [[e.document.key, { doc: e.document, authorId: r.authorId }] as const] : []))));
  const stored = await Promise.all(
    [...documents.values()].map(async ({ doc, authorId }) => {
      const content = demoDocumentPdf(doc.lines);
      const storageKey = `${doc.stateCode}/${randomUUID()}`;
      await options.storage.put(storageKey, content);
      return { key: doc.key, storageKey, file: { programId: program.id, stateCode: doc.stateCode, name: doc.name, contentType: 'application/pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex'), storageKey, uploadedById: authorId } };
    }),
  );

  // Thousands of rows in one transaction: the request time limits do not apply to it.
  const written = dataSource.transaction((tx) => withLongStatements(tx, async () => {
    const fileIds = new Map<string, string>();
    const files = new StoredFilesRepository(tx);
    for (const s of stored) fileIds.set(s.key, (await files.insert(s.file)).id);
    const ids = await new ReportsRepository(tx).insertHistorical(
      planned.map((r) => ({
        report: {
          planItemId: r.planItemId,
          institutionId: r.institutionId,
          status: r.status,
          percent: r.percent,
          reportedOn: r.reportedOn,
          narrative: r.narrative,
          metrics: r.metrics,
          authorId: r.authorId,
          idempotencyKey: null,
          reviewState: r.reviewState,
          reviewReason: r.reviewReason,
          reviewedById: r.reviewState === 'submitted' ? null : reviewer!.id,
          reviewedAt: r.reviewedAt,
          createdAt: r.createdAt,
        },
        evidence: r.evidence.map(({ document, ...e }) => (document ? { ...e, fileId: fileIds.get(document.key)! } : e)),
      })),
    );
    const audit = new AuditRepository(tx);
    const summary = { ...empty, documents: stored.length };
    for (const [i, r] of planned.entries()) {
      await audit.record({
        actor: null,
        action: 'report.seed',
        entityType: 'report',
        entityId: ids[i],
        programId: program.id,
        stateCode: r.stateCode,
        after: { activityCode: r.activityCode, institutionId: r.institutionId, status: r.status, percent: r.percent, reportedOn: r.reportedOn, reviewState: r.reviewState },
        justification: 'Datos de demostración',
      });
      summary.reports++;
      summary[r.reviewState]++;
      summary.evidence += r.evidence.length;
    }
    if (options.hooks) {
      const units = new Map(planned.map((r) => [`${r.planItemId}/${r.institutionId ?? ''}`, { planItemId: r.planItemId, institutionId: r.institutionId }]));
      for (const unit of units.values()) await options.hooks.afterReportWrite(tx, unit);
    }
    return summary;
  }));
  // Bytes whose rows were never committed are removed again, as an upload does.
  return written.catch(async (e: unknown) => {
    await Promise.all(stored.map((s) => options.storage.remove(s.storageKey).catch(() => undefined)));
    throw e;
  });
}

interface StateInput {
  stateCode: string;
  stateSlug: string;
  joinedOn: string;
  /** Last date a report may describe (today, or the day before the state's exit). */
  last: string;
  today: string;
  items: PlanItemWithActivity[];
  institutions: Institution[];
  authorId: string;
  reviewing: boolean;
  seed: number;
}

function planState(s: StateInput): PlannedReport[] {
  const pace: Pace = STATE_PACE[s.stateCode] ?? (['on_track', 'slow', 'behind'] as const)[Math.floor(rng(s.seed, s.stateCode, 'pace')() * 3)];
  const profile = PROFILES[pace];
  const out: PlannedReport[] = [];
  for (const item of s.items) {
    if (!item.included) continue;
    const units: (Institution | null)[] = item.activity.level === 'state' ? [null] : s.institutions;
    for (const inst of units) {
      const random = rng(s.seed, s.stateCode, item.activity.code, inst?.nameKey ?? '');
      if (item.activity.optional && random() < profile.skipOptional) continue;
      if (inst && random() < profile.idle) continue;
      out.push(...planUnit(s, item, inst, profile, random));
    }
  }
  return out;
}

/** The report history of one unit: periodic reports that follow the profile's pace until done or `last`. */
function planUnit(s: StateInput, item: PlanItemWithActivity, inst: Institution | null, profile: Profile, random: () => number): PlannedReport[] {
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const activity = item.activity;
  const unitStart = inst && inst.joinedOn > item.plannedStart ? inst.joinedOn : item.plannedStart;
  const unitLast = inst?.exitedOn && addDays(inst.exitedOn, -1) < s.last ? addDays(inst.exitedOn, -1) : s.last;
  const span = Math.max(1, daysBetween(item.plannedStart, item.plannedDue));
  const pace = profile.pace * (0.85 + random() * 0.3);
  const workStart = addDays(unitStart, between(...profile.lag));
  const cap = random() < profile.stall ? between(...profile.cap) : 100;
  const doneOn = addDays(workStart, Math.ceil(span / pace));
  const progressOn = (d: string) => Math.max(0, Math.min(cap, (100 * daysBetween(workStart, d) * pace) / span));

  // Totals the unit works towards, for cumulative metrics and datasets.
  const datasets = shuffle(DATASETS, random).slice(0, between(3, 8));
  const metricTargets = Object.fromEntries(activity.metrics.map((m) => [m, m === 'personas_sensibilizadas' ? between(15, 45) * 10 : m === 'conjuntos_publicados' ? datasets.length : between(10, 100)]));

  const out: PlannedReport[] = [];
  let date = addDays(unitStart, between(3, 12));
  let lastPercent = -1;
  while (date <= unitLast) {
    let percent = Math.round(progressOn(date) / 5) * 5;
    let status: ReportStatus = percent >= 100 ? 'completed' : percent <= 0 ? 'not_started' : 'in_progress';
    const stalled = cap < 100 && percent >= Math.round(cap / 5) * 5;
    if (status === 'in_progress' && random() < (stalled ? 0.5 : profile.blocked)) {
      status = 'blocked';
      percent = Math.max(0, lastPercent);
    }
    if (status === 'not_started' && lastPercent > 0) {
      status = 'in_progress';
      percent = lastPercent;
    }
    if (percent !== lastPercent || status === 'blocked' || random() < 0.3) {
      out.push(...reportWithReview(s, item, inst, { status, percent, reportedOn: date }, { datasets, metricTargets, unitLast }, random, pick, between));
      lastPercent = percent;
    }
    if (status === 'completed') break;
    const next = addDays(date, between(...profile.every));
    // Report the day the work is done rather than a period later.
    date = next > doneOn && date < doneOn ? addDays(doneOn, between(0, 3)) : next;
  }
  return out;
}

interface UnitTotals {
  datasets: typeof DATASETS;
  metricTargets: Record<string, number>;
  unitLast: string;
}

/** One report, its review (accepted, returned with a reason and answered, or still pending) and the answer. */
function reportWithReview(
  s: StateInput,
  item: PlanItemWithActivity,
  inst: Institution | null,
  r: { status: ReportStatus; percent: number; reportedOn: string },
  totals: UnitTotals,
  random: () => number,
  pick: <T>(xs: readonly T[]) => T,
  between: (lo: number, hi: number) => number,
): PlannedReport[] {
  const base = (reportedOn: string, createdOn: string): PlannedReport => ({
    planItemId: item.id,
    institutionId: inst?.id ?? null,
    stateCode: s.stateCode,
    activityCode: item.activity.code,
    status: r.status,
    percent: r.percent,
    reportedOn,
    createdAt: notAfterToday(at(createdOn, between(9, 20), between(0, 59)), s.today),
    narrative: pick(NARRATIVES[r.status]),
    metrics: Object.fromEntries(Object.entries(totals.metricTargets).map(([m, target]) => [m, Math.round((target * r.percent) / 100)])),
    evidence: evidenceFor(s, item, inst, r.percent, totals.datasets),
    reviewState: 'submitted',
    reviewReason: null,
    reviewedAt: null,
    authorId: s.authorId,
  });
  const first = base(r.reportedOn, addDays(r.reportedOn, between(0, 2)));
  const age = daysBetween(r.reportedOn, s.today);
  if (!s.reviewing || age < between(10, 25)) return [first];
  const roll = random();
  if (roll < 0.04) return [first]; // an old report nobody reviewed yet
  first.reviewedAt = at(addDays(r.reportedOn, between(3, 9)), between(14, 22), between(0, 59));
  if (roll > 0.16) {
    first.reviewState = 'accepted';
    return [first];
  }
  first.reviewState = 'returned';
  first.reviewReason = pick(RETURN_REASONS);
  // The state answers the return a few days later with a corrected report on the same date (created later, so it
  // supersedes the returned one), unless the return is recent: it then waits in the state's list of returns.
  if (age < 45) return [first];
  const answeredOn = addDays(r.reportedOn, between(10, 14));
  const answer = base(r.reportedOn, answeredOn);
  answer.narrative = `Se atienden las observaciones de la coordinación. ${answer.narrative}`;
  answer.reviewState = 'accepted';
  answer.reviewedAt = at(addDays(answeredOn, between(2, 6)), between(14, 22), between(0, 59));
  return [first, answer];
}

function evidenceFor(s: StateInput, item: PlanItemWithActivity, inst: Institution | null, percent: number, datasets: typeof DATASETS): PlannedEvidence[] {
  if (percent <= 0) return [];
  const a = item.activity;
  const host = `https://datos.${s.stateSlug}.gob.mx`;
  const who = inst ? `/${slug(inst.acronym ?? inst.name)}` : '';
  const evidence: PlannedEvidence[] = [];
  if (a.evidenceKinds.includes('dataset')) {
    const published = datasets.slice(0, Math.round((datasets.length * percent) / 100));
    for (const d of published) {
      evidence.push({ kind: 'dataset', title: d.title, url: `${host}/dataset${who}-${d.slug}`, fileId: null, highValue: d.highValue, format: d.format, licence: 'CC-BY-4.0', formatCode: null });
    }
  }
  if (a.evidenceKinds.includes('url')) {
    const [title, path] = URL_PATHS[a.code] ?? [`Publicación de la actividad ${a.code}`, `actividad-${a.code.replace('.', '-')}`];
    evidence.push({ kind: 'url', title, url: `${host}/${path}${who}`, fileId: null, highValue: false, format: null, licence: null, formatCode: null });
  }
  const title = DOCUMENT_TITLES[a.code] ?? `Evidencia de la actividad ${a.code}`;
  if (a.evidenceKinds.includes('document')) {
    const name = `${a.code.replace('.', '-')}-${slug(title)}.pdf`;
    const lines = [title, `Actividad ${a.code}: ${a.name}`, inst ? `Institución: ${inst.name}` : `Entidad federativa: ${s.stateCode}`, 'Documento de demostración generado por Rumbo.'];
    evidence.push({ kind: 'document', title, url: null, fileId: null, highValue: false, format: 'PDF', licence: null, formatCode: null, document: { key: `${s.stateCode}/${a.code}/${inst?.id ?? ''}`, stateCode: s.stateCode, name, lines } });
  } else if (!evidence.length) {
    // An activity that names no evidence kind: the document is linked where the state published it.
    evidence.push({ kind: 'url', title, url: `${host}/documentos${who}/${a.code.replace('.', '-')}-${slug(title)}.pdf`, fileId: null, highValue: false, format: 'PDF', licence: null, formatCode: null });
  }
  return evidence;
}

/** Fisher–Yates on a copy, driven by the seeded stream. */
function shuffle<T>(xs: readonly T[], random: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Entry times never pass the end of `today` (nor the real clock, when `today` is the real date). */
function notAfterToday(t: Date, today: string): Date {
  return new Date(Math.min(t.getTime(), at(today, 23, 59).getTime(), Date.now()));
}

/** A timestamp on that date at hh:mm Mexico City time (UTC−6). */
function at(date: string, hour: number, minute: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((hour + 6) * 60 + minute) * 60_000);
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** mulberry32 seeded from the seed and the given keys (FNV-1a): each unit has its own stable stream. */
function rng(seed: number, ...keys: string[]): () => number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of keys.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
