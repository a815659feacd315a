import { OPEN_DATA_LICENSE, OPEN_DATA_PUBLISHER } from '../open-data-defaults.js';

// The program's open data described with the W3C Data Catalog Vocabulary (DCAT 2/3) as JSON-LD. The context
// declares the prefixes and coerces the properties whose values are IRIs (`@id`) or dates (`xsd:date`), so the
// document stays plain JSON to read while expanding to the right RDF; plain strings are Spanish (`@language: es`).

const IANA = 'https://www.iana.org/assignments/media-types/';
const DAILY = 'http://purl.org/cld/freq/daily';
const SPANISH = 'http://id.loc.gov/vocabulary/iso639-1/es';
/** Mexico in the EU country authority list (ISO 3166-1 alpha-3), the usual DCAT-AP spatial IRI. */
const MEXICO = 'http://publications.europa.eu/resource/authority/country/MEX';
const PUBLISHER_ID = '_:coordinacion-nacional';

const iri = { '@type': '@id' } as const;
const date = { '@type': 'xsd:date' } as const;
const untagged = { '@language': null } as const;

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  '@language': 'es',
  'dct:issued': date,
  'dct:modified': date,
  'dcat:startDate': date,
  'dcat:endDate': date,
  'dct:identifier': untagged,
  'dct:format': untagged,
  'dct:license': iri,
  'dct:language': iri,
  'dct:accrualPeriodicity': iri,
  'dcat:accessURL': iri,
  'dcat:downloadURL': iri,
  'dcat:mediaType': iri,
  'dcat:landingPage': iri,
  'foaf:homepage': iri,
} as const;

export interface CatalogProgram {
  code: string;
  name: string;
  description: string | null;
  /** Approval date, or the date the program was loaded when it has none. */
  issued: string;
}

export interface CatalogInput {
  program: CatalogProgram;
  /** `https://host[:port]`, or '' for URLs relative to this server. */
  origin: string;
  /** Today in the program's time zone: the figures are recomputed for every date, so they change daily. */
  today: string;
}

type Node = Record<string, unknown>;

/** `catalog.json`: a dcat:Catalog with two dcat:Datasets (progress, indicators), each with a JSON and a CSV dcat:Distribution. */
export function toDcatCatalog({ program, origin, today }: CatalogInput): Node {
  const base = `${origin}/api/v1/public/programs/${encodeURIComponent(program.code)}`;
  const catalogUrl = `${base}/catalog.json`;
  const landingPage = `${origin}/publico?programa=${encodeURIComponent(program.code)}`;
  const publisher = { '@id': PUBLISHER_ID, '@type': 'foaf:Organization', 'foaf:name': OPEN_DATA_PUBLISHER };
  const license = { '@id': OPEN_DATA_LICENSE.url, '@type': 'dct:LicenseDocument', 'rdfs:label': OPEN_DATA_LICENSE.title };
  const common = {
    'dct:publisher': { '@id': PUBLISHER_ID },
    'dct:issued': program.issued,
    'dct:modified': today,
    'dct:license': OPEN_DATA_LICENSE.url,
    'dct:language': SPANISH,
    'dct:spatial': { '@id': MEXICO, '@type': 'dct:Location', 'rdfs:label': 'México' },
    'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': program.issued, 'dcat:endDate': today },
    'dct:accrualPeriodicity': DAILY,
    'dcat:landingPage': landingPage,
  };
  const asOfNote = 'Cifras a la fecha de corte del parámetro asOf (AAAA-MM-DD); sin él, a la fecha de hoy en la zona horaria del programa.';
  const distribution = (url: string, kind: 'json' | 'csv', title: string, description: string): Node => ({
    '@id': url,
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dct:description': `${description} ${asOfNote}`,
    'dcat:accessURL': url,
    'dcat:downloadURL': url,
    'dcat:mediaType': `${IANA}${kind === 'csv' ? 'text/csv' : 'application/json'}`,
    'dct:format': kind.toUpperCase(),
    'dct:license': OPEN_DATA_LICENSE.url,
  });

  return {
    '@context': DCAT_CONTEXT,
    '@id': catalogUrl,
    '@type': 'dcat:Catalog',
    'dct:title': `Datos abiertos del ${program.name}`,
    'dct:description':
      `Catálogo de datos abiertos del programa ${program.code}: avance e indicadores publicados, a nivel nacional y por entidad federativa participante. ` +
      `Las cifras se calculan para cualquier fecha de corte y se actualizan cada día.${program.description ? ` ${program.description}` : ''}`,
    'dct:identifier': program.code,
    'foaf:homepage': landingPage,
    ...common,
    // The publisher and the licence described once, here; the datasets and distributions refer to them by IRI.
    'dct:publisher': publisher,
    'dct:license': license,
    'dcat:dataset': [
      {
        '@id': `${catalogUrl}#avance`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${program.code}-avance`,
        'dct:title': `Avance del programa por entidad federativa (${program.code})`,
        'dct:description':
          'Avance reportado, avance validado (solo reportes aceptados por la coordinación nacional), avance esperado según el calendario, desviación en puntos porcentuales ' +
          'y semáforo de cada entidad federativa participante, con actividades vencidas, porcentaje de actividades concluidas en plazo e instituciones implementadoras; ' +
          'la fila nacional es la media simple de las entidades. Porcentajes redondeados a un decimal.',
        'dcat:keyword': ['datos abiertos', 'avance', 'semáforo', 'entidades federativas', 'programa de implementación', program.code],
        ...common,
        'dcat:distribution': [
          distribution(`${base}/progress.csv`, 'csv', 'Avance por entidad (CSV)', 'CSV en UTF-8 con fila de encabezados: una fila nacional y una por entidad participante.'),
          distribution(`${base}/progress`, 'json', 'Avance por entidad (JSON)', 'Las mismas cifras en JSON: objeto national y arreglo states.'),
        ],
      },
      {
        '@id': `${catalogUrl}#indicadores`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${program.code}-indicadores`,
        'dct:title': `Indicadores y metas del programa (${program.code})`,
        'dct:description':
          'Valor de cada indicador del programa a nivel nacional y por entidad federativa participante, con su línea base, la meta aplicable a la fecha, el valor esperado ' +
          'a la fecha, el porcentaje de avance hacia la meta y su estado (met: meta alcanzada; on_track: en trayectoria; behind: por debajo de lo esperado). ' +
          'Valores redondeados a un decimal.',
        'dcat:keyword': ['datos abiertos', 'indicadores', 'metas', 'entidades federativas', 'programa de implementación', program.code],
        ...common,
        'dcat:distribution': [
          distribution(`${base}/indicators.csv`, 'csv', 'Indicadores (CSV)', 'CSV en UTF-8 con fila de encabezados: una fila por indicador y ámbito (nacional, luego cada entidad).'),
          distribution(`${base}/indicators`, 'json', 'Indicadores (JSON)', 'Las mismas cifras en JSON: arreglo national y arreglo states con los indicadores de cada entidad.'),
        ],
      },
    ],
  };
}
