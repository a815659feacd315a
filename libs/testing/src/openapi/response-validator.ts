import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenApiDocument, Schema } from './openapi-types.js';

/**
 * Checks response bodies against the document, strictly: an object may carry only the properties its
 * schema lists, so a field the API sends but the document omits fails as surely as a missing one.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, discriminator: false });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
    const components = structuredClone(doc.components.schemas);
    for (const schema of Object.values(components)) closeObjects(schema);
    this.ajv.addSchema({ $id: 'rumbo', definitions: components });
  }

  /** Error text, or null when the body matches. */
  check(schema: Schema, body: unknown): string | null {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      const copy = structuredClone(schema);
      closeObjects(copy);
      validate = this.ajv.compile(rewriteRefs(copy) as object);
      this.cache.set(key, validate);
    }
    if (validate(body)) return null;
    return this.ajv.errorsText(validate.errors, { dataVar: 'body' });
  }
}

function closeObjects(schema: Schema): void {
  walk(schema, (s) => {
    if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
    // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum (JSON Schema draft 4).
    const b = s as Schema & { exclusiveMinimum?: boolean | number; exclusiveMaximum?: boolean | number };
    if (b.exclusiveMinimum === true) Object.assign(b, { exclusiveMinimum: b.minimum, minimum: undefined });
    if (b.exclusiveMaximum === true) Object.assign(b, { exclusiveMaximum: b.maximum, maximum: undefined });
    if (b.exclusiveMinimum === false) delete b.exclusiveMinimum;
    if (b.exclusiveMaximum === false) delete b.exclusiveMaximum;
    // `nullable` means "this, or null" (also beside an enum, a reference or allOf); say it in JSON Schema.
    if (s.nullable) {
      const { nullable: _, ...rest } = s;
      if (rest.allOf) delete rest.type;
      for (const key of Object.keys(s)) delete (s as Record<string, unknown>)[key];
      s.anyOf = [rest, { type: 'null' }];
    }
  });
  rewriteRefs(schema);
}

function rewriteRefs(schema: Schema): Schema {
  walk(schema, (s) => {
    if (s.$ref?.startsWith('#/components/schemas/')) s.$ref = `rumbo#/definitions/${s.$ref.slice('#/components/schemas/'.length)}`;
  });
  return schema;
}

function walk(schema: unknown, visit: (s: Schema) => void): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) return schema.forEach((s) => walk(s, visit));
  visit(schema as Schema);
  for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples' && key !== 'default') walk(value, visit);
}
