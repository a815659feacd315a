import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDocumentPdf } from '../../libs/core/src/demo/demo-document.js';

describe('demoDocumentPdf', () => {
  it('is a PDF that renders (pdftoppm) and reads back its Spanish lines, brackets and backslashes escaped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-doc-'));
    const file = path.join(dir, 'doc.pdf');
    const lines = ['Diagnóstico de datos abiertos', 'Institución: Secretaría de Economía (SE) \\ año 2025', 'Ñandú – fin'];
    fs.writeFileSync(file, demoDocumentPdf(lines));
    execFileSync('pdftoppm', ['-png', '-r', '30', file, path.join(dir, 'page')]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(1);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Diagnóstico de datos abiertos');
    expect(text).toContain('Institución: Secretaría de Economía (SE) \\ año 2025');
    // Outside Latin-1 (the en dash) becomes "?" rather than breaking the file.
    expect(text).toContain('Ñandú ? fin');
  });
});
