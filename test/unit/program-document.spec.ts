import modelProgram from '../../libs/database/src/reference/condatos-2024.program.json' with { type: 'json' };
import { STATES } from '../../libs/database/src/reference/states.data.js';
import { FieldValidationException } from '../../libs/platform/src/http/field-errors.js';
import { parseProgramDocument } from '../../libs/core/src/programs/dto/program-document.dto.js';
import { INDICATOR_KIND_CODES, findIndicatorKind, validateIndicatorParams, type ActivityFacts } from '../../libs/core/src/programs/indicator-kinds.js';
import { canonicalProgramDocument, checkProgramDocument, type ProgramDocument } from '../../libs/core/src/programs/program-document.js';

const STATE_CODES = new Set(STATES.map((s) => s.code));
const model = (): ProgramDocument => structuredClone(modelProgram) as ProgramDocument;

/** The `{ field, message }` list a document is rejected with, by the DTO (pipe) or by the cross-document rules. */
async function problems(plain: unknown): Promise<{ field: string; message: string }[]> {
  try {
    const dto = await parseProgramDocument(plain);
    return checkProgramDocument(canonicalProgramDocument(dto), STATE_CODES);
  } catch (e) {
    if (e instanceof FieldValidationException) return e.errors;
    throw e;
  }
}

const fields = async (plain: unknown) => (await problems(plain)).map((p) => p.field);

describe('the shipped model program (condatos-2024)', () => {
  it('is a valid document already in canonical form', async () => {
    expect(await problems(model())).toEqual([]);
    const dto = await parseProgramDocument(model());
    expect(JSON.stringify(canonicalProgramDocument(dto))).toBe(JSON.stringify(modelProgram));
  });

  it('carries the approval, phases and activities of model-program.md', () => {
    const m = model();
    expect(m).toMatchObject({ code: 'condatos-2024', approvedOn: '2024-11-19', approvalReference: 'SNT/CEATP/ACUERDO/19/11/24/EXT03-02', timeZone: 'America/Mexico_City', thresholds: { atRisk: -5, offTrack: -15 }, status: 'active' });
    expect(m.phases.map((p) => [p.number, p.name])).toEqual([
      [1, 'Planeación'],
      [2, 'Sensibilización y socialización'],
      [3, 'Convocatoria'],
      [4, 'Implementación acompañada'],
      [5, 'Seguimiento y evaluación'],
    ]);
    const rows = m.activities.map((a) => [a.code, a.phase, a.level, a.startDay, a.durationDays, a.weight, a.optional, a.evidenceKinds.join(','), a.metrics.join(',')]);
    expect(rows).toEqual([
      ['1.1', 1, 'state', 0, 30, 1, false, 'document', ''],
      ['1.2', 1, 'state', 15, 45, 2, false, 'document', ''],
      ['1.3', 1, 'state', 60, 30, 1, true, 'document', ''],
      ['2.1', 2, 'state', 60, 90, 1, false, 'document', 'personas_sensibilizadas'],
      ['2.2', 2, 'state', 75, 60, 1, false, 'document', ''],
      ['3.1', 3, 'state', 135, 30, 1, false, 'url', ''],
      ['3.2', 3, 'state', 150, 45, 1, false, 'document', ''],
      ['4.1', 4, 'institution', 195, 30, 1, false, 'document', ''],
      ['4.2', 4, 'institution', 210, 70, 2, false, 'document', ''],
      ['4.3', 4, 'institution', 240, 90, 2, false, 'url', ''],
      ['4.4', 4, 'institution', 280, 90, 3, false, 'dataset', 'conjuntos_publicados'],
      ['4.5', 4, 'institution', 330, 90, 1, true, 'document', ''],
      ['4.6', 4, 'institution', 330, 120, 1, true, 'url', ''],
      ['5.1', 5, 'state', 90, 360, 1, false, 'document', ''],
      ['5.2', 5, 'state', 420, 45, 1, false, 'document', ''],
    ]);
  });

  it('carries the ten indicators with their kinds, params, baselines and targets', () => {
    const rows = model().indicators.map((i) => [i.code, i.unit, i.kind, i.params, i.baseline?.value ?? null, i.targets.map((t) => `${t.scope}:${t.value}@${t.date ?? 'every period'}`).join(' ')]);
    expect(rows).toEqual([
      ['IND-01', 'count', 'states_participating', {}, 0, 'national:11@2025-12-31'],
      ['IND-02', 'count', 'institutions_registered', {}, 0, 'national:150@2026-06-30'],
      ['IND-03', 'percent', 'weighted_progress', {}, 0, 'national:100@2026-12-31'],
      ['IND-04', 'percent', 'items_completed', {}, 0, 'national:100@2026-12-31'],
      ['IND-05', 'percent', 'items_completed_on_time', {}, null, 'national:80@every period'],
      ['IND-06', 'percent', 'institutions_completed_activity', { activityCode: '4.3' }, 0, 'national:80@2026-06-30'],
      ['IND-07', 'count', 'datasets_published', { activityCode: '4.4', highValueOnly: false }, 0, 'national:300@2026-12-31'],
      ['IND-08', 'count', 'datasets_published', { activityCode: '4.4', highValueOnly: true }, 0, 'national:100@2026-12-31'],
      ['IND-09', 'count', 'metric_sum', { activityCode: '2.1', metric: 'personas_sensibilizadas' }, 0, 'national:2000@2025-12-31'],
      ['IND-10', 'percent', 'reporting_round_timeliness', {}, null, 'national:90@every period'],
    ]);
  });
});

describe('canonical form', () => {
  it('fills every default and keeps the SPEC field order', async () => {
    const dto = await parseProgramDocument({
      code: 'minimo',
      name: 'Mínimo',
      phases: [{ number: 1, name: 'Única' }],
      activities: [{ code: 'a', phase: 1, name: 'A', level: 'state', startDay: 0, durationDays: 10, weight: 1 }, { code: 'b', phase: 1, name: 'B', level: 'institution', startDay: 5, durationDays: 10, weight: 1, evidenceKinds: ['dataset'] }],
      indicators: [{ code: 'I1', name: 'Datos', unit: 'count', kind: 'datasets_published', params: { activityCode: 'b' }, targets: [{ scope: 'national', value: 3 }] }],
    });
    const doc = canonicalProgramDocument(dto);
    expect(checkProgramDocument(doc, STATE_CODES)).toEqual([]);
    expect(doc).toEqual({
      code: 'minimo',
      name: 'Mínimo',
      description: null,
      approvedOn: null,
      approvalReference: null,
      timeZone: 'America/Mexico_City',
      thresholds: { atRisk: -5, offTrack: -15 },
      status: 'active',
      phases: [{ number: 1, name: 'Única', description: null }],
      activities: [
        { code: 'a', phase: 1, name: 'A', level: 'state', startDay: 0, durationDays: 10, weight: 1, optional: false, evidenceKinds: [], completionNeedsEvidence: true, metrics: [], formats: [] },
        { code: 'b', phase: 1, name: 'B', level: 'institution', startDay: 5, durationDays: 10, weight: 1, optional: false, evidenceKinds: ['dataset'], completionNeedsEvidence: true, metrics: [], formats: [] },
      ],
      indicators: [{ code: 'I1', name: 'Datos', definition: null, unit: 'count', direction: 'up', kind: 'datasets_published', params: { activityCode: 'b', highValueOnly: false }, baseline: null, targets: [{ scope: 'national', stateCode: null, value: 3, date: null }] }],
    });
    expect(Object.keys(doc)).toEqual(Object.keys(modelProgram));
    expect(Object.keys(doc.activities[0])).toEqual(Object.keys(modelProgram.activities[0]));
    expect(Object.keys(doc.indicators[0])).toEqual(Object.keys(modelProgram.indicators[0]));
  });

  it('orders params as the catalogue does, whatever the input order', async () => {
    const m = model();
    m.indicators[8].params = { metric: 'personas_sensibilizadas', activityCode: '2.1' };
    const doc = canonicalProgramDocument(await parseProgramDocument(m));
    expect(Object.keys(doc.indicators[8].params)).toEqual(['activityCode', 'metric']);
  });
});

type Case = [description: string, mutate: (d: ProgramDocument & Record<string, unknown>) => void, field: string];
const act = (d: ProgramDocument, i: number) => d.activities[i] as unknown as Record<string, unknown>;
const ind = (d: ProgramDocument, i: number) => d.indicators[i] as unknown as Record<string, unknown>;

/** Rules on single fields: the DTO (and so the global ValidationPipe) refuses them. */
export const FIELD_CASES: Case[] = [
  ['unknown top-level field', (d) => (d.owner = 'x'), 'owner'],
  ['unknown field in an activity', (d) => (act(d, 2).colour = 'red'), 'activities.2.colour'],
  ['unknown field in a target', (d) => ((d.indicators[0].targets[0] as unknown as Record<string, unknown>).note = 'x'), 'indicators.0.targets.0.note'],
  ['missing code', (d) => delete (d as Partial<ProgramDocument>).code, 'code'],
  ['code with spaces', (d) => (d.code = 'con datos'), 'code'],
  ['code shaped like a UUID', (d) => (d.code = '2a1c2b9e-1d5e-4c4b-9a7a-6f0e2f6d1c3b'), 'code'],
  ['empty name', (d) => (d.name = ''), 'name'],
  ['approvedOn not a date', (d) => (d.approvedOn = '19/11/2024'), 'approvedOn'],
  ['approvedOn impossible date', (d) => (d.approvedOn = '2024-02-30'), 'approvedOn'],
  ['unknown time zone', (d) => (d.timeZone = 'Mexico/Narnia'), 'timeZone'],
  ['thresholds not an object', (d) => ((d as Record<string, unknown>).thresholds = [-5, -15]), 'thresholds'],
  ['threshold as a string', (d) => ((d.thresholds as Record<string, unknown>).atRisk = '-5'), 'thresholds.atRisk'],
  ['unknown status', (d) => ((d as Record<string, unknown>).status = 'archived'), 'status'],
  ['phases not an array', (d) => ((d as Record<string, unknown>).phases = { number: 1 }), 'phases'],
  ['no phases', (d) => (d.phases = []), 'phases'],
  ['phase number zero', (d) => (d.phases[1].number = 0), 'phases.1.number'],
  ['phase number not an integer', (d) => (d.phases[1].number = 1.5), 'phases.1.number'],
  ['no activities', (d) => (d.activities = []), 'activities'],
  ['activity weight as a string', (d) => (act(d, 3).weight = '1'), 'activities.3.weight'],
  ['activity weight zero', (d) => (d.activities[3].weight = 0), 'activities.3.weight'],
  ['activity weight negative', (d) => (d.activities[3].weight = -2), 'activities.3.weight'],
  ['activity negative startDay', (d) => (d.activities[4].startDay = -1), 'activities.4.startDay'],
  ['activity negative durationDays', (d) => (d.activities[4].durationDays = -30), 'activities.4.durationDays'],
  ['activity fractional days', (d) => (d.activities[4].durationDays = 2.5), 'activities.4.durationDays'],
  ['activity unknown level', (d) => (act(d, 0).level = 'municipal'), 'activities.0.level'],
  ['activity unknown evidence kind', (d) => (act(d, 0).evidenceKinds = ['document', 'photo']), 'activities.0.evidenceKinds'],
  ['activity repeated evidence kind', (d) => (d.activities[0].evidenceKinds = ['document', 'document']), 'activities.0.evidenceKinds'],
  ['metric not snake_case', (d) => (d.activities[3].metrics = ['PersonasSensibilizadas']), 'activities.3.metrics'],
  ['optional not a boolean', (d) => (act(d, 2).optional = 'yes'), 'activities.2.optional'],
  ['activity code with a slash', (d) => (d.activities[0].code = '1/1'), 'activities.0.code'],
  ['activity not an object', (d) => ((d.activities as unknown[])[1] = 'oops'), 'activities.1'],
  ['indicator unknown unit', (d) => (ind(d, 0).unit = 'people'), 'indicators.0.unit'],
  ['indicator unknown direction', (d) => (ind(d, 0).direction = 'sideways'), 'indicators.0.direction'],
  ['indicator params an array', (d) => (ind(d, 0).params = []), 'indicators.0.params'],
  ['baseline without value', (d) => (ind(d, 0).baseline = { date: '2024-11-19' }), 'indicators.0.baseline.value'],
  ['baseline bad date', (d) => (d.indicators[0].baseline = { value: 0, date: '2024-13-01' }), 'indicators.0.baseline.date'],
  ['target unknown scope', (d) => ((d.indicators[0].targets[0] as unknown as Record<string, unknown>).scope = 'municipal'), 'indicators.0.targets.0.scope'],
  ['state target without stateCode', (d) => (d.indicators[0].targets[0] = { scope: 'state', stateCode: null, value: 1, date: null }), 'indicators.0.targets.0.stateCode'],
  ['national target with a stateCode', (d) => (d.indicators[0].targets[0].stateCode = '20'), 'indicators.0.targets.0.stateCode'],
  ['target value as a string', (d) => ((d.indicators[1].targets[0] as unknown as Record<string, unknown>).value = '150'), 'indicators.1.targets.0.value'],
  ['target bad date', (d) => (d.indicators[1].targets[0].date = 'mañana'), 'indicators.1.targets.0.date'],
  ['formats not an array', (d) => (act(d, 3).formats = { code: 'F-01' }), 'activities.3.formats'],
  ['format without a name', (d) => (act(d, 3).formats = [{ code: 'F-01' }]), 'activities.3.formats.0.name'],
  ['format code with a space', (d) => (act(d, 3).formats = [{ code: 'F 01', name: 'Formato' }]), 'activities.3.formats.0.code'],
  ['format code too long', (d) => (act(d, 3).formats = [{ code: 'F'.repeat(41), name: 'Formato' }]), 'activities.3.formats.0.code'],
  ['format templateFileId not a UUID', (d) => (act(d, 3).formats = [{ code: 'F-01', name: 'Formato', templateFileId: 'plantilla.docx' }]), 'activities.3.formats.0.templateFileId'],
  ['format with an unknown field', (d) => (act(d, 3).formats = [{ code: 'F-01', name: 'Formato', file: 'x' }]), 'activities.3.formats.0.file'],
  ['format not an object', (d) => (act(d, 3).formats = ['F-01']), 'activities.3.formats.0'],
];

/** Rules across the document: checked by the service, every problem at once. */
export const DOCUMENT_CASES: Case[] = [
  ['offTrack above atRisk', (d) => (d.thresholds = { atRisk: -15, offTrack: -5 }), 'thresholds.offTrack'],
  ['duplicate phase number', (d) => d.phases.push({ number: 2, name: 'Otra', description: null }), 'phases.5.number'],
  ['duplicate activity code', (d) => (d.activities[5].code = '1.1'), 'activities.5.code'],
  ['activity in an unknown phase', (d) => (d.activities[6].phase = 9), 'activities.6.phase'],
  ['duplicate indicator code', (d) => (d.indicators[3].code = 'IND-01'), 'indicators.3.code'],
  ['unknown indicator kind', (d) => (d.indicators[2].kind = 'magic'), 'indicators.2.kind'],
  ['unit the kind cannot give', (d) => (d.indicators[2].unit = 'count'), 'indicators.2.unit'],
  ['param a kind does not take', (d) => (d.indicators[0].params = { activityCode: '1.1' }), 'indicators.0.params.activityCode'],
  ['required param missing', (d) => (d.indicators[5].params = {}), 'indicators.5.params.activityCode'],
  ['param refers to an unknown activity', (d) => (d.indicators[5].params = { activityCode: '9.9' }), 'indicators.5.params.activityCode'],
  ['param of the wrong type', (d) => (d.indicators[6].params = { activityCode: '4.4', highValueOnly: 'yes' }), 'indicators.6.params.highValueOnly'],
  ['completion kind on a state-level activity', (d) => (d.indicators[5].params = { activityCode: '3.1' }), 'indicators.5.params.activityCode'],
  ['datasets on an activity without dataset evidence', (d) => (d.indicators[6].params = { activityCode: '4.3', highValueOnly: false }), 'indicators.6.params.activityCode'],
  ['metric not declared on the activity', (d) => (d.indicators[8].params = { activityCode: '2.2', metric: 'personas_sensibilizadas' }), 'indicators.8.params.metric'],
  ['metric unknown anywhere', (d) => (d.indicators[8].params = { activityCode: '2.1', metric: 'asistentes' }), 'indicators.8.params.metric'],
  ['duplicate format code in an activity', (d) => (d.activities[3].formats = [{ code: 'F-01', name: 'Uno', description: null, templateFileId: null }, { code: 'F-01', name: 'Dos', description: null, templateFileId: null }]), 'activities.3.formats.1.code'],
  ['format template not uploaded to the program', (d) => (d.activities[3].formats = [{ code: 'F-01', name: 'Uno', description: null, templateFileId: '3b241101-e2bb-4255-8caf-4136c566a962' }]), 'activities.3.formats.0.templateFileId'],
  ['unknown state code in a target', (d) => (d.indicators[1].targets.push({ scope: 'state', stateCode: '33', value: 5, date: '2026-06-30' })), 'indicators.1.targets.1.stateCode'],
  ['percent target above 100', (d) => (d.indicators[2].targets[0].value = 120), 'indicators.2.targets.0.value'],
  ['duplicate target', (d) => d.indicators[1].targets.push({ ...d.indicators[1].targets[0] }), 'indicators.1.targets.1'],
];

describe('program document validation', () => {
  it.each(FIELD_CASES)('refuses %s at the edge (DTO)', async (_, mutate, field) => {
    const d = model() as ProgramDocument & Record<string, unknown>;
    mutate(d);
    await expect(parseProgramDocument(d)).rejects.toBeInstanceOf(FieldValidationException);
    expect(await fields(d)).toContain(field);
  });

  it.each(DOCUMENT_CASES)('refuses %s across the document', async (_, mutate, field) => {
    const d = model() as ProgramDocument & Record<string, unknown>;
    mutate(d);
    const dto = await parseProgramDocument(d);
    expect(checkProgramDocument(canonicalProgramDocument(dto), STATE_CODES).map((e) => e.field)).toEqual([field]);
  });

  it('lets the same format code appear in different activities, and a format name its program’s template', async () => {
    const d = model();
    const template = '3b241101-e2bb-4255-8caf-4136c566a962';
    d.activities[0].formats = [{ code: 'F-01', name: 'Oficio de designación', description: 'Firmado por la persona titular', templateFileId: template.toUpperCase() }];
    d.activities[1].formats = [{ code: 'F-01', name: 'Lista de asistencia', description: null, templateFileId: null }];
    const doc = canonicalProgramDocument(await parseProgramDocument(d));
    expect(doc.activities[0].formats).toEqual([{ code: 'F-01', name: 'Oficio de designación', description: 'Firmado por la persona titular', templateFileId: template }]);
    expect(checkProgramDocument(doc, STATE_CODES, new Set([template]))).toEqual([]);
    expect(checkProgramDocument(doc, STATE_CODES).map((e) => e.field)).toEqual(['activities.0.formats.0.templateFileId']);
  });

  it('reports every problem at once', async () => {
    const d = model();
    d.phases[2].number = 2; // phase 3 is gone: 3.1 and 3.2 now refer to nothing
    d.activities[5].code = '1.1';
    d.indicators[2].kind = 'magic';
    d.indicators[1].targets.push({ scope: 'state', stateCode: '99', value: 1, date: null });
    expect(await fields(d)).toEqual(['phases.2.number', 'activities.5.code', 'activities.5.phase', 'activities.6.phase', 'indicators.1.targets.1.stateCode', 'indicators.2.kind']);
  });

  it('reports every field problem at once, with messages', async () => {
    const d = model() as ProgramDocument & Record<string, unknown>;
    act(d, 3).weight = '1';
    d.activities[4].startDay = -1;
    d.extra = true;
    const errors = await problems(d);
    expect([...new Set(errors.map((e) => e.field))].sort()).toEqual(['activities.3.weight', 'activities.4.startDay', 'extra']);
    expect(errors.every((e) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
  });

  it('allows a phase with no activities and a state target for a known state', async () => {
    const d = model();
    d.phases.push({ number: 6, name: 'Cierre', description: null });
    d.indicators[1].targets.push({ scope: 'state', stateCode: '20', value: 12, date: '2026-06-30' });
    expect(await problems(d)).toEqual([]);
  });

  it('refuses something that is not an object', async () => {
    for (const bad of [null, [], 'programa', 42]) expect(await fields(bad)).toEqual(['body']);
  });
});

describe('indicator kind catalogue', () => {
  it('is the fixed list', () => {
    expect(INDICATOR_KIND_CODES).toEqual([
      'states_participating',
      'institutions_registered',
      'weighted_progress',
      'items_completed',
      'items_completed_on_time',
      'institutions_completed_activity',
      'datasets_published',
      'metric_sum',
      'reporting_round_timeliness',
    ]);
  });

  it('declares the params of each kind', () => {
    const params = Object.fromEntries(INDICATOR_KIND_CODES.map((k) => [k, Object.entries(findIndicatorKind(k)!.params).map(([n, p]) => `${n}${p.required ? '' : '?'}:${p.type}`)]));
    expect(params).toEqual({
      states_participating: [],
      institutions_registered: [],
      weighted_progress: [],
      items_completed: [],
      items_completed_on_time: [],
      institutions_completed_activity: ['activityCode:activityCode'],
      datasets_published: ['activityCode:activityCode', 'highValueOnly?:boolean'],
      metric_sum: ['activityCode:activityCode', 'metric:metric'],
      reporting_round_timeliness: [],
    });
  });

  it('validates params against the program activities', () => {
    const activities = new Map<string, ActivityFacts>([
      ['2.1', { level: 'state', evidenceKinds: ['document'], metrics: ['personas_sensibilizadas'] }],
      ['4.4', { level: 'institution', evidenceKinds: ['dataset'], metrics: [] }],
    ]);
    const check = (kind: string, params: Record<string, unknown>) => validateIndicatorParams(findIndicatorKind(kind)!, params, activities).map((p) => p.param);
    expect(check('metric_sum', { activityCode: '2.1', metric: 'personas_sensibilizadas' })).toEqual([]);
    expect(check('metric_sum', { activityCode: '2.1' })).toEqual(['metric']);
    expect(check('metric_sum', { activityCode: 21, metric: 'x' })).toEqual(['activityCode']);
    expect(check('datasets_published', { activityCode: '4.4' })).toEqual([]);
    expect(check('datasets_published', { activityCode: '4.4', highValueOnly: true, extra: 1 })).toEqual(['extra']);
    expect(check('institutions_completed_activity', { activityCode: '4.4' })).toEqual([]);
    expect(check('weighted_progress', {})).toEqual([]);
    expect(check('weighted_progress', { anything: 1 })).toEqual(['anything']);
  });
});
