import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { FieldValidationException, type FieldError } from './field-errors.js';

// NUL: PostgreSQL's text and jsonb cannot hold U+0000 (the insert fails with "invalid byte sequence").
// Unpaired UTF-16 surrogates are not Unicode at all: the driver would silently store U+FFFD instead.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = (field: string) => `${field} contains characters that cannot be stored (a NUL byte or an unpaired surrogate)`;

/** True when PostgreSQL could not store `text` faithfully. */
export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * Every string in `value` (property names included) that PostgreSQL could not store, as field errors with dotted
 * paths (`evidence.0.title`). Walks iteratively: a deeply nested body must not overflow the stack.
 */
export function findUnstorableText(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<object>();
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (isUnstorableText(v)) errors.push({ field: path || 'body', message: UNSTORABLE_MESSAGE(path || 'body') });
      continue;
    }
    if (!v || typeof v !== 'object' || Buffer.isBuffer(v) || ArrayBuffer.isView(v) || seen.has(v)) continue;
    seen.add(v);
    for (const [key, child] of Object.entries(v)) {
      const readableKey = isUnstorableText(key) ? JSON.stringify(key).slice(1, -1) : key;
      const childPath = path ? `${path}.${readableKey}` : readableKey;
      if (readableKey !== key) errors.push({ field: childPath, message: UNSTORABLE_MESSAGE(childPath) });
      stack.push([child, childPath]);
    }
  }
  return errors.sort((a, b) => a.field.localeCompare(b.field));
}

/**
 * The one edge check for text PostgreSQL cannot store, on every route: runs before validation on each path
 * parameter, the query, the body and uploaded files, and answers 400 naming the field, so no such value ever
 * reaches SQL (where it would be a 500).
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const errors = findUnstorableText(value, rootField(value, metadata));
    if (errors.length) throw new FieldValidationException(errors);
    return value;
  }
}

function rootField(value: unknown, metadata: ArgumentMetadata): string {
  // An uploaded file (multer) is named after its multipart field; its bytes are not text and are skipped.
  const upload = value as { fieldname?: unknown; buffer?: unknown } | null;
  if (metadata.type === 'custom' && upload && typeof upload.fieldname === 'string' && Buffer.isBuffer(upload.buffer)) return upload.fieldname;
  if (metadata.type === 'body' && typeof value === 'string') return 'body';
  return metadata.data ?? '';
}
