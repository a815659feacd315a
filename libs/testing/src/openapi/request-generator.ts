import { resolve, type OpenApiDocument, type Operation, type Schema } from './openapi-types.js';

/**
 * Requests generated from the OpenAPI document alone: one valid request per operation (examples first,
 * then the smallest value the schema allows) and a list of invalid ones, each breaking one documented rule.
 */
export interface GeneratedRequest {
  /** What the request breaks, for failure messages; empty for the valid request. */
  breaks: string;
  path: Record<string, string>;
  query: Record<string, unknown>;
  body?: unknown;
}

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

export function validValue(doc: OpenApiDocument, raw: Schema, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  if (s.oneOf?.length) return validValue(doc, s.oneOf[0], depth + 1);
  switch (s.type) {
    case 'string':
      return stringSample(s);
    case 'integer':
    case 'number':
      return s.minimum ?? Math.min(1, s.maximum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !s.items ? [] : Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => validValue(doc, s.items!, depth + 1));
    default:
      if (s.properties) return validObject(doc, s, depth);
      return {};
  }
}

function validObject(doc: OpenApiDocument, s: Schema, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const p = resolve(doc, prop);
    // Optional properties only when the document shows a value for them: examples are written to be true.
    if (s.required?.includes(name) || p.example !== undefined) out[name] = validValue(doc, prop, depth + 1);
  }
  return out;
}

function stringSample(s: Schema): string {
  switch (s.format) {
    case 'uuid':
      return SAMPLE_UUID;
    case 'date':
      return '2025-06-30';
    case 'date-time':
      return '2025-06-30T12:00:00.000Z';
    case 'email':
      return 'persona@example.org';
    case 'uri':
      return 'https://example.org/recurso';
  }
  const text = 'texto de prueba';
  return s.maxLength !== undefined ? text.slice(0, Math.max(s.minLength ?? 1, Math.min(text.length, s.maxLength))) : text;
}

/** Values that break exactly one rule of the schema, with the rule's name. */
export function invalidValues(doc: OpenApiDocument, raw: Schema, opts: { fromQuery?: boolean } = {}): Array<[string, unknown]> {
  const s = resolve(doc, raw);
  const out: Array<[string, unknown]> = [];
  if (!s.nullable && !opts.fromQuery) out.push(['null', null]);
  if (s.enum?.length) out.push(['enum', 'valor-inexistente']);
  switch (s.type) {
    case 'string':
      if (!opts.fromQuery) out.push(['type string', 12345]);
      if (s.maxLength !== undefined) out.push(['maxLength', 'x'.repeat(s.maxLength + 1)]);
      if (s.format === 'uuid') out.push(['format uuid', 'no-es-uuid']);
      if (s.format === 'date') out.push(['format date', '2025-02-30']);
      if (s.format === 'date-time') out.push(['format date-time', 'ayer']);
      if (s.pattern && !new RegExp(s.pattern).test('%%')) out.push(['pattern', '%%']);
      break;
    case 'integer':
    case 'number':
      out.push(['type number', 'abc']);
      if (s.type === 'integer') out.push(['type integer', 1.5]);
      if (s.minimum !== undefined) out.push(['minimum', s.minimum - 1]);
      if (s.maximum !== undefined) out.push(['maximum', s.maximum + 1]);
      break;
    case 'boolean':
      out.push(['type boolean', opts.fromQuery ? 'quizá' : 'sí']);
      break;
    case 'array':
      if (!opts.fromQuery) out.push(['type array', 'texto']);
      if (s.maxItems !== undefined && s.items) out.push(['maxItems', Array.from({ length: s.maxItems + 1 }, () => validValue(doc, s.items!))]);
      break;
    case 'object':
      if (!opts.fromQuery) out.push(['type object', 'texto']);
      break;
  }
  return out;
}

/**
 * `bodyValues` replace top-level properties of the generated valid body (ids of records that exist, codes
 * not yet taken), `queryValues` required query parameters likewise: the invalid requests are then built from that body, so each still breaks one rule only.
 */
export function generateRequests(
  doc: OpenApiDocument,
  op: Operation,
  pathValues: Record<string, string>,
  bodyValues: Record<string, unknown> = {},
  queryValues: Record<string, unknown> = {},
): { valid: GeneratedRequest; invalid: GeneratedRequest[] } {
  const path: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const params = op.parameters ?? [];
  for (const p of params.filter((p) => p.in === 'path')) {
    if (!(p.name in pathValues)) throw new Error(`no fixture value for path parameter ${p.name}`);
    path[p.name] = pathValues[p.name];
  }
  for (const p of params.filter((p) => p.in === 'query' && p.required)) query[p.name] = p.name in queryValues ? queryValues[p.name] : validValue(doc, p.schema ?? {});
  const content = op.requestBody?.content ?? {};
  const bodySchema = (content['application/json'] ?? content['multipart/form-data'])?.schema;
  const body = bodySchema ? withValues(validValue(doc, bodySchema), bodyValues) : undefined;
  const valid: GeneratedRequest = { breaks: '', path, query, body };

  const invalid: GeneratedRequest[] = [];
  for (const p of params.filter((p) => p.in === 'path')) {
    // A record that does not exist: a well-formed id nobody holds, or a code nobody uses.
    const missing = p.schema?.format === 'uuid' ? SAMPLE_UUID : 'no-existe-9';
    invalid.push({ breaks: `path ${p.name}: unknown record`, path: { ...path, [p.name]: missing }, query, body });
    invalid.push({ breaks: `path ${p.name}: NUL byte`, path: { ...path, [p.name]: 'a\u0000b' }, query, body });
  }
  for (const p of params.filter((p) => p.in === 'query')) {
    for (const [rule, value] of invalidValues(doc, p.schema ?? {}, { fromQuery: true })) {
      invalid.push({ breaks: `query ${p.name}: ${rule}`, path, query: { ...query, [p.name]: value }, body });
    }
  }
  // Routes without query parameters ignore unknown ones, as HTTP caches and proxies expect.
  if (params.some((p) => p.in === 'query')) {
    invalid.push({ breaks: 'query: unknown parameter', path, query: { ...query, parametroDesconocido: '1' }, body });
  }
  if (content['multipart/form-data']) {
    // A form upload: the parts are files, so the one rule a generator can break is a missing required part.
    for (const name of resolve(doc, bodySchema!).required ?? []) invalid.push({ breaks: `body.${name}: required`, path, query, body: {} });
  } else if (bodySchema) {
    invalid.push(...bodyMutations(doc, bodySchema, body, 'body').map((m) => ({ breaks: m.breaks, path, query, body: m.body })));
  }
  return { valid, invalid };
}

/** Every way to break one property of a valid body, one level into nested objects and arrays of objects. */
function bodyMutations(doc: OpenApiDocument, raw: Schema, valid: unknown, where: string, depth = 0): Array<{ breaks: string; body: unknown }> {
  const s = resolve(doc, raw);
  const out: Array<{ breaks: string; body: unknown }> = [];
  if (s.type === 'array' && s.items && Array.isArray(valid) && valid.length && depth < 2) {
    for (const m of bodyMutations(doc, s.items, valid[0], `${where}[0]`, depth + 1)) out.push({ breaks: m.breaks, body: [m.body, ...valid.slice(1)] });
    return out;
  }
  if (!s.properties || typeof valid !== 'object' || valid === null) return out;
  const obj = valid as Record<string, unknown>;
  if (depth === 0) out.push({ breaks: `${where}: not an object`, body: ['no', 'es', 'objeto'] });
  if (s.additionalProperties === undefined || s.additionalProperties === false) out.push({ breaks: `${where}: unknown property`, body: { ...obj, campoDesconocido: 'x' } });
  for (const [name, prop] of Object.entries(s.properties)) {
    if (s.required?.includes(name)) {
      const { [name]: _, ...rest } = obj;
      out.push({ breaks: `${where}.${name}: required`, body: rest });
    }
    for (const [rule, value] of invalidValues(doc, prop)) {
      // `null` on an optional property is "not sent" for some DTOs; only required ones must refuse it.
      if (rule === 'null' && !s.required?.includes(name)) continue;
      out.push({ breaks: `${where}.${name}: ${rule}`, body: { ...obj, [name]: value } });
    }
    const p = resolve(doc, prop);
    if ((p.properties || p.type === 'array') && depth < 2) {
      const nested = name in obj ? obj[name] : validValue(doc, prop);
      for (const m of bodyMutations(doc, prop, nested, `${where}.${name}`, depth + 1)) out.push({ breaks: m.breaks, body: { ...obj, [name]: m.body } });
    }
  }
  return out;
}

function withValues(body: unknown, values: Record<string, unknown>): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...(body as Record<string, unknown>) };
  for (const [key, value] of Object.entries(values)) if (key in out || value !== undefined) out[key] = value;
  return out;
}
