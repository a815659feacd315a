import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Public open data: indicators (JSON, CSV) and the DCAT catalogue, without sign-in, on a small program whose
// figures are worked out by hand. The program was approved on 2024-12-15; today is 2025-01-16.
//   A1 state level,       weight 1, 2025-01-01 → 2025-01-11, metric `personas`
//   I1 institution level, weight 1, 2025-01-01 → 2025-01-31
// Oaxaca (20) and Michoacán de Ocampo (16) join on 2025-01-01.
//   20: A1 100 % on 01-05 (personas 30)  → P = (100 + 0) / 2 = 50, items completed 1 of 2
//   16: A1  50 % on 01-06 (personas 7)   → P = 25, items completed 0 of 2
// National: P = mean(50, 25) = 37.5; items completed (1 + 0) / 4 = 25 %; personas 37.
// Targets (baseline 0 on 2025-01-01 unless said):
//   K-STATES  national 4 by 01-31 → expected now 4·15/30 = 2, value 2: on track, achievement 50;
//             Michoacán 1 by 03-31 → expected now 15/89 = 0.17, value 1: met
//   K-PROG    national 100 by 01-31 → expected 50, value 37.5: behind, achievement 37.5; states have no target
//   K-DONE    no baseline, an undated national target of 50 → expected 50, value 25: behind, achievement 50
//   K-MET     no baseline, no target
const TODAY = '2025-01-16';
const APPROVED = '2024-12-15';
const BASE = { value: 0, date: '2025-01-01' };

function programDocument(code: string, status: 'active' | 'draft' = 'active') {
  return {
    code,
    name: 'Programa de prueba de datos abiertos',
    description: 'Un programa pequeño para probar los datos abiertos.',
    approvedOn: APPROVED,
    status,
    phases: [{ number: 1, name: 'Implementación' }],
    // These figures are about indicators: the url activities are reported done without links (rule off).
    activities: [
      { code: 'A1', phase: 1, name: 'Sensibilizar', level: 'state', startDay: 0, durationDays: 10, weight: 1, metrics: ['personas'], evidenceKinds: ['url'], completionNeedsEvidence: false },
      { code: 'I1', phase: 1, name: 'Publicar datos', level: 'institution', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['dataset'] },
    ],
    indicators: [
      {
        code: 'K-STATES',
        name: 'Entidades participantes',
        unit: 'count',
        kind: 'states_participating',
        baseline: BASE,
        targets: [
          { scope: 'national', value: 4, date: '2025-01-31' },
          { scope: 'state', stateCode: '16', value: 1, date: '2025-03-31' },
        ],
      },
      { code: 'K-PROG', name: 'Avance', unit: 'percent', kind: 'weighted_progress', baseline: BASE, targets: [{ scope: 'national', value: 100, date: '2025-01-31' }] },
      { code: 'K-DONE', name: 'Actividades concluidas', unit: 'percent', kind: 'items_completed', baseline: null, targets: [{ scope: 'national', value: 50, date: null }] },
      { code: 'K-MET', name: 'Personas sensibilizadas, "acumuladas"', unit: 'count', kind: 'metric_sum', params: { activityCode: 'A1', metric: 'personas' }, baseline: null, targets: [] },
    ],
  };
}

type Figure = { code: string; value: number | null; status: string | null } & Record<string, unknown>;
type Node = Record<string, unknown>;

describe('Public open data: indicators and the DCAT catalogue', () => {
  let t: TestApp;
  let coord: { Authorization: string };
  const code = `pub-${Date.now().toString(36)}`;
  const draft = `${code}-borrador`;
  const api = (path: string) => `/api/v1${path}`;
  const pub = (path: string, program = code) => api(`/public/programs/${program}${path}`);

  beforeAll(async () => {
    // As behind a reverse proxy on the same machine, so X-Forwarded-Proto counts (by default it does not: below).
    t = await createTestApp({ RUMBO_TRUSTED_PROXIES: 'loopback' });
    coord = (await t.as('coordinator')).auth;
    t.clock.set('2025-01-01');
    for (const doc of [programDocument(code), programDocument(draft, 'draft')]) {
      const res = await t.http().post(api('/programs/import')).set(coord).send(doc);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    for (const stateCode of ['20', '16']) await t.http().post(api(`/programs/${code}/states`)).set(coord).send({ stateCode, joinedOn: '2025-01-01' }).expect(201);
    t.clock.set('2025-01-10');
    const report = async (state: string, percent: number, reportedOn: string, personas: number) => {
      const res = await t.http().post(api(`/programs/${code}/states/${state}/reports`)).set(coord).send({ activityCode: 'A1', status: percent === 100 ? 'completed' : 'in_progress', percent, reportedOn, metrics: { personas } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await report('20', 100, '2025-01-05', 30);
    await report('16', 50, '2025-01-06', 7);
  });
  beforeEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  const byCode = (list: Figure[]) => Object.fromEntries(list.map((f) => [f.code, f]));

  describe('indicators as JSON', () => {
    it('needs no sign-in, is cacheable for 60 s, and holds the hand-computed figures', async () => {
      const res = await t.http().get(pub('/indicators')).expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ programCode: code, programName: 'Programa de prueba de datos abiertos', asOf: TODAY });
      const national = byCode(res.body.national);
      expect(Object.keys(national)).toEqual(['K-STATES', 'K-PROG', 'K-DONE', 'K-MET']);
      expect(national['K-STATES']).toMatchObject({ scope: 'national', unit: 'count', value: 2, baseline: BASE, target: { value: 4, date: '2025-01-31' }, expectedNow: 2, achievement: 50, status: 'on_track' });
      expect(national['K-PROG']).toMatchObject({ value: 37.5, target: { value: 100, date: '2025-01-31' }, expectedNow: 50, achievement: 37.5, status: 'behind' });
      expect(national['K-DONE']).toMatchObject({ unit: 'percent', value: 25, baseline: null, target: { value: 50, date: null }, achievement: 50, status: 'behind' });
      expect(national['K-MET']).toMatchObject({ value: 37, target: null, expectedNow: null, achievement: null, status: null });

      expect(res.body.states.map((s: Node) => [s.stateCode, s.stateName])).toEqual([
        ['16', 'Michoacán de Ocampo'],
        ['20', 'Oaxaca'],
      ]);
      const michoacan = byCode(res.body.states[0].indicators);
      expect(michoacan['K-STATES']).toMatchObject({ scope: '16', value: 1, target: { value: 1, date: '2025-03-31' }, expectedNow: 0.2, achievement: 100, status: 'met' });
      expect(michoacan['K-PROG']).toMatchObject({ value: 25, target: null, status: null });
      const oaxaca = byCode(res.body.states[1].indicators);
      expect(oaxaca['K-PROG']).toMatchObject({ scope: '20', value: 50, target: null, status: null });
      expect(oaxaca['K-DONE']).toMatchObject({ value: 50 });
      expect(oaxaca['K-MET']).toMatchObject({ value: 30 });
    });

    it('has exactly the values of the authenticated route, nationally and per state, today and as of a date', async () => {
      for (const asOf of [undefined, '2025-01-05']) {
        const q = asOf ? `?asOf=${asOf}` : '';
        const open = (await t.http().get(pub(`/indicators${q}`)).expect(200)).body;
        const signedIn = (await t.http().get(api(`/programs/${code}/indicators${q}`)).set(coord).expect(200)).body;
        expect(open.asOf).toBe(signedIn.asOf);
        expect(open.national).toEqual(signedIn.indicators);
        expect(open.states).toHaveLength(2);
        for (const state of open.states) {
          const one = (await t.http().get(api(`/programs/${code}/indicators?stateCode=${state.stateCode}${asOf ? `&asOf=${asOf}` : ''}`)).set(coord).expect(200)).body;
          expect(state.indicators).toEqual(one.indicators);
        }
      }
      // As of 01-05 only Oaxaca's report counts: national progress is mean(50, 0).
      const early = (await t.http().get(pub('/indicators?asOf=2025-01-05')).expect(200)).body;
      expect(byCode(early.national)['K-PROG'].value).toBe(25);
    });

    it('by program id as well as by code', async () => {
      const byCodeBody = (await t.http().get(pub('/indicators')).expect(200)).body;
      const byId = (await t.http().get(pub('/indicators', byCodeBody.programId)).expect(200)).body;
      expect(byId).toEqual(byCodeBody);
    });
  });

  describe('indicators as CSV', () => {
    const csv = (query = '') =>
      t
        .http()
        .get(pub(`/indicators.csv${query}`))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });

    it('a header row and one row per indicator and scope, UTF-8 with es-MX state names, quoted where needed', async () => {
      const res = await csv();
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers['content-disposition']).toBe(`inline; filename="indicadores-${code}-${TODAY}.csv"`);
      const lines = (res.body as Buffer).toString('utf8').split('\r\n');
      expect(lines[0]).toBe('scope,stateCode,stateName,asOf,code,name,unit,direction,value,baselineValue,baselineDate,targetValue,targetDate,expectedNow,achievement,status');
      expect(lines).toHaveLength(1 + 4 * 3 + 1); // header, 4 indicators × (national + 2 states), final CRLF
      expect(lines.at(-1)).toBe('');
      expect(lines.slice(1, 5)).toEqual([
        `national,,Nacional,${TODAY},K-STATES,Entidades participantes,count,up,2,0,2025-01-01,4,2025-01-31,2,50,on_track`,
        `national,,Nacional,${TODAY},K-PROG,Avance,percent,up,37.5,0,2025-01-01,100,2025-01-31,50,37.5,behind`,
        `national,,Nacional,${TODAY},K-DONE,Actividades concluidas,percent,up,25,,,50,,50,50,behind`,
        `national,,Nacional,${TODAY},K-MET,"Personas sensibilizadas, ""acumuladas""",count,up,37,,,,,,,`,
      ]);
      expect(lines[5]).toBe(`state,16,Michoacán de Ocampo,${TODAY},K-STATES,Entidades participantes,count,up,1,0,2025-01-01,1,2025-03-31,0.2,100,met`);
      expect(lines[10]).toBe(`state,20,Oaxaca,${TODAY},K-PROG,Avance,percent,up,50,0,2025-01-01,,,,,`);
    });

    it('holds the JSON’s figures as of the date asked', async () => {
      const res = await csv('?asOf=2025-01-05');
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(`inline; filename="indicadores-${code}-2025-01-05.csv"`);
      const lines = (res.body as Buffer).toString('utf8').split('\r\n');
      // Expected on 01-05: 100·4/30 = 13.3, so 25 is on track.
      expect(lines[2]).toBe('national,,Nacional,2025-01-05,K-PROG,Avance,percent,up,25,0,2025-01-01,100,2025-01-31,13.3,25,on_track');
    });
  });

  describe('refusals', () => {
    it('a draft program is not published, an unknown one is not found (404 in the error shape)', async () => {
      for (const path of ['/indicators', '/indicators.csv', '/catalog.json']) {
        const res = await t.http().get(pub(path, draft)).expect(404);
        expect(res.body).toMatchObject({ statusCode: 404, errors: [] });
        await t.http().get(pub(path, 'no-such-program')).expect(404);
      }
      // The draft program's figures exist for signed-in users.
      await t.http().get(api(`/programs/${draft}/indicators`)).set(coord).expect(200);
    });

    it('a bad asOf is a 400 on the field asOf; unknown query fields are refused', async () => {
      for (const path of ['/indicators', '/indicators.csv']) {
        for (const bad of ['2025-02-30', 'ayer', '2025-1-5', '']) {
          const res = await t.http().get(pub(path)).query({ asOf: bad }).expect(400);
          expect(res.body).toMatchObject({ statusCode: 400, errors: [{ field: 'asOf', message: 'asOf must be a calendar date YYYY-MM-DD' }] });
          expect(res.body.errors).toHaveLength(1);
        }
        const extra = await t.http().get(pub(`${path}?stateCode=20`)).expect(400);
        expect(extra.body.errors[0].field).toBe('stateCode');
      }
    });
  });

  describe('DCAT catalogue', () => {
    const distributionsOf = (catalog: Node) => (catalog['dcat:dataset'] as Node[]).flatMap((d) => d['dcat:distribution'] as Node[]);

    it('is JSON-LD with the dcat, dct and foaf prefixes: a catalog, two datasets, JSON and CSV distributions', async () => {
      const res = await t.http().get(pub('/catalog.json')).expect(200);
      expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const c = res.body as Node;
      expect(c['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/', '@language': 'es' });
      expect(c['@type']).toBe('dcat:Catalog');
      expect(c['@id']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/v1/public/programs/${code}/catalog\\.json$`));
      expect(c['dct:title']).toBe('Datos abiertos del Programa de prueba de datos abiertos');
      expect(c['dct:description']).toContain('Un programa pequeño para probar los datos abiertos.');
      expect(c['dct:publisher']).toMatchObject({ '@type': 'foaf:Organization', 'foaf:name': 'Coordinación nacional del programa de implementación' });
      expect(c['dct:license']).toMatchObject({ '@id': 'https://creativecommons.org/licenses/by/4.0/', '@type': 'dct:LicenseDocument' });
      expect(c['foaf:homepage']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/publico\\?programa=${code}$`));

      const datasets = c['dcat:dataset'] as Node[];
      expect(datasets.map((d) => [d['@type'], d['dct:identifier']])).toEqual([
        ['dcat:Dataset', `${code}-avance`],
        ['dcat:Dataset', `${code}-indicadores`],
      ]);
      for (const d of datasets) {
        expect(d['dct:title']).toEqual(expect.any(String));
        expect(d['dct:description']).toEqual(expect.any(String));
        expect(d['dcat:keyword']).toEqual(expect.arrayContaining(['datos abiertos', code]));
        expect(d).toMatchObject({
          'dct:publisher': { '@id': (c['dct:publisher'] as Node)['@id'] },
          'dct:issued': APPROVED,
          'dct:modified': TODAY,
          'dct:license': 'https://creativecommons.org/licenses/by/4.0/',
          'dct:spatial': { '@type': 'dct:Location', 'rdfs:label': 'México' },
          'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': APPROVED, 'dcat:endDate': TODAY },
          'dct:accrualPeriodicity': 'http://purl.org/cld/freq/daily',
        });
        const types = (d['dcat:distribution'] as Node[]).map((x) => [x['@type'], x['dcat:mediaType'], x['dct:format']]);
        expect(types).toEqual([
          ['dcat:Distribution', 'https://www.iana.org/assignments/media-types/text/csv', 'CSV'],
          ['dcat:Distribution', 'https://www.iana.org/assignments/media-types/application/json', 'JSON'],
        ]);
      }
      // The context makes the IRI- and date-valued properties typed, so plain strings expand correctly.
      expect(c['@context']).toMatchObject({ 'dcat:downloadURL': { '@type': '@id' }, 'dcat:mediaType': { '@type': '@id' }, 'dct:modified': { '@type': 'xsd:date' } });
    });

    it('every download URL is absolute on this server and answers 200 with the media type it announces', async () => {
      const catalog = (await t.http().get(pub('/catalog.json')).expect(200)).body as Node;
      const distributions = distributionsOf(catalog);
      expect(distributions.map((d) => new URL(d['dcat:downloadURL'] as string).pathname)).toEqual([
        `/api/v1/public/programs/${code}/progress.csv`,
        `/api/v1/public/programs/${code}/progress`,
        `/api/v1/public/programs/${code}/indicators.csv`,
        `/api/v1/public/programs/${code}/indicators`,
      ]);
      for (const d of distributions) {
        const url = new URL(d['dcat:downloadURL'] as string);
        expect(url.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(d['dcat:accessURL']).toBe(d['dcat:downloadURL']);
        const res = await t.http().get(`${url.pathname}${url.search}`).buffer(true);
        expect(res.status, url.pathname).toBe(200);
        const mediaType = String(d['dcat:mediaType']).replace('https://www.iana.org/assignments/media-types/', '');
        expect(res.headers['content-type'].split(';')[0]).toBe(mediaType);
      }
    });

    it('builds URLs from the forwarded protocol and the host the client used; an unusable host gives relative URLs', async () => {
      const forwarded = (await t.http().get(pub('/catalog.json')).set('Host', 'Datos.Example.MX').set('X-Forwarded-Proto', 'https').expect(200)).body as Node;
      expect(forwarded['@id']).toBe(`https://datos.example.mx/api/v1/public/programs/${code}/catalog.json`);
      expect(distributionsOf(forwarded).map((d) => d['dcat:downloadURL'])).toEqual([
        `https://datos.example.mx/api/v1/public/programs/${code}/progress.csv`,
        `https://datos.example.mx/api/v1/public/programs/${code}/progress`,
        `https://datos.example.mx/api/v1/public/programs/${code}/indicators.csv`,
        `https://datos.example.mx/api/v1/public/programs/${code}/indicators`,
      ]);
      const odd = (await t.http().get(pub('/catalog.json')).set('Host', 'datos example<script>').expect(200)).body as Node;
      expect(odd['@id']).toBe(`/api/v1/public/programs/${code}/catalog.json`);
      expect(distributionsOf(odd)[0]['dcat:downloadURL']).toBe(`/api/v1/public/programs/${code}/progress.csv`);
    });

    it('ignores X-Forwarded-Proto when no proxy is trusted (the default)', async () => {
      const direct = await createTestApp({}, { databaseUrl: t.databaseUrl });
      try {
        const c = (await direct.http().get(pub('/catalog.json')).set('Host', 'datos.example.mx').set('X-Forwarded-Proto', 'https').expect(200)).body as Node;
        expect(c['@id']).toBe(`http://datos.example.mx/api/v1/public/programs/${code}/catalog.json`);
      } finally {
        await direct.close();
      }
    });

    it('modified and the end of the temporal coverage follow the clock', async () => {
      t.clock.set('2025-03-01');
      const c = (await t.http().get(pub('/catalog.json')).expect(200)).body as Node;
      expect(c['dct:modified']).toBe('2025-03-01');
      expect((c['dcat:dataset'] as Node[])[1]['dct:temporal']).toMatchObject({ 'dcat:startDate': APPROVED, 'dcat:endDate': '2025-03-01' });
    });
  });
});
