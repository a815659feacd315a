import { fileTypeFromBuffer } from 'file-type';

/** Binary formats accepted as evidence, by the extension `file-type` reports for the bytes. */
const BINARY_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** Names a text upload may carry; a text file named `.pdf` or `.html` is refused. */
const TEXT_EXTENSIONS = new Set(['', 'csv', 'txt', 'tsv']);

export const ACCEPTED_FORMATS = 'PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT (UTF-8)';

export type ContentCheck = { ok: true; contentType: string } | { ok: false; message: string };

/**
 * Decides what an upload is from its bytes, never from the name or the client's Content-Type: a known binary
 * format by its magic numbers, otherwise text when the bytes are valid UTF-8 without NUL bytes and do not
 * look like markup (HTML/SVG/XML could run script if a browser ever rendered them).
 */
export async function checkEvidenceContent(content: Buffer, fileName: string): Promise<ContentCheck> {
  if (content.length === 0) return { ok: false, message: 'file is empty' };
  const detected = await fileTypeFromBuffer(content);
  if (detected) {
    const contentType = BINARY_TYPES[detected.ext];
    if (contentType) return { ok: true, contentType };
    return { ok: false, message: `the content is ${detected.ext.toUpperCase()} (${detected.mime}), which is not accepted; accepted: ${ACCEPTED_FORMATS}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return { ok: false, message: `the content is not a recognised format; accepted: ${ACCEPTED_FORMATS}` };
  }
  if (text.includes('\u0000')) return { ok: false, message: `the content is binary data of an unknown format; accepted: ${ACCEPTED_FORMATS}` };
  if (looksLikeMarkup(text)) return { ok: false, message: 'HTML, XML or SVG content is not accepted as evidence' };
  const ext = extensionOf(fileName);
  if (!TEXT_EXTENSIONS.has(ext)) return { ok: false, message: `the content is plain text, but the name ends in .${ext}; name it .csv or .txt` };
  return { ok: true, contentType: ext === 'csv' ? 'text/csv; charset=utf-8' : ext === 'tsv' ? 'text/tab-separated-values; charset=utf-8' : 'text/plain; charset=utf-8' };
}

function looksLikeMarkup(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') || /<\s*(script|html|body|iframe|svg|object|embed)\b/i.test(text);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** A safe display name: the base name, without control characters or path separators, at most 255 characters. */
export function cleanFileName(original: string | undefined): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') return 'archivo';
  if (clean.length <= 255) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 255 - ext.length) + ext;
}
