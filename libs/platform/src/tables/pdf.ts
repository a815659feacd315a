import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
// Roboto ships with pdfmake and covers Spanish and the symbols we print (≥, «», –): no system font needed.
const ROBOTO = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> };
const FONT_FILES = new Set(Object.values(ROBOTO.Roboto));

pdfmake.setFonts(ROBOTO);
// A document is built from our own data only: no URL is fetched and no file but the fonts is read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

/** The bytes of a PDF from a pdfmake document definition (Roboto, no outside resources). */
export async function pdfBuffer(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Roboto', fontSize: 9, ...doc.defaultStyle } }).getBuffer();
}
