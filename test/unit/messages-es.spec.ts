import * as fs from 'node:fs';
import * as path from 'node:path';
import { MESSAGES_ES } from '../../libs/platform/src/i18n/messages-es.js';
import { preferredLanguage, toSpanish } from '../../libs/platform/src/i18n/translate.js';

/** Every message literal the server code can throw or put in a field error, read from the source itself. */
function messagesInSource(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'migrations') walk(full);
      } else if (entry.name.endsWith('.ts')) {
        const src = fs.readFileSync(full, 'utf8');
        const patterns = [
          /new (?:NotFound|Conflict|Forbidden|Unauthorized|BadRequest|ServiceUnavailable|PayloadTooLarge|UnprocessableEntity)Exception\(\s*([`'])((?:\\.|(?!\1).)*)\1/g,
          /message: (?:\(\) => )?([`'])((?:\\.|(?!\1).)*)\1/g,
          /\bconst message = ([`'])((?:\\.|(?!\1).)*)\1/g,
          // The import's helpers: fileError('…') and a row's err(column, '…').
          /\bfileError\(([`'])((?:\\.|(?!\1).)*)\1/g,
          /\berr\((?:'[^']*'|null|key),\s*([`'])((?:\\.|(?!\1).)*)\1/g,
        ];
        for (const re of patterns) for (const m of src.matchAll(re)) out.push({ file: full, text: m[2] });
      }
    }
  };
  walk('libs');
  // Interpolations become sample values; a literal that nests another template cannot be sampled whole.
  return out.map((m) => ({ ...m, text: m.text.replace(/\$\{[^{}]*\}/g, 'X1') })).filter((m) => !m.text.includes('${') && !m.text.startsWith('RUMBO_') && !m.text.startsWith('DATABASE_URL') && !m.text.startsWith('SMTP_URL'));
}

describe('es-MX message catalogue', () => {
  it('covers every message the server code holds', () => {
    const found = messagesInSource();
    expect(found.length).toBeGreaterThan(150);
    const missing = found.filter((m) => toSpanish(m.text) === m.text).map((m) => `${m.file}: ${m.text}`);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('gives each entry the same values in both languages', () => {
    for (const [english, spanish] of MESSAGES_ES) {
      const count = english.split('{}').length - 1;
      const used = [...spanish.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
      expect(new Set(used), english).toEqual(new Set(Array.from({ length: count }, (_, i) => i)));
    }
  });

  it('fills the values in and translates each part of a joined message', () => {
    expect(toSpanish('Report 7b0e not found')).toBe('No se encontró el reporte 7b0e');
    expect(toSpanish('percent must not be greater than 100')).toBe('percent no debe ser mayor que 100');
    expect(toSpanish('property foo should not exist')).toBe('la propiedad foo no está permitida');
    expect(toSpanish('title must not be blank; name must not be blank')).toBe('title no debe estar en blanco; name no debe estar en blanco');
    expect(toSpanish('un mensaje que no está en el catálogo')).toBe('un mensaje que no está en el catálogo');
  });

  it('negotiates the language from Accept-Language, Spanish only when preferred', () => {
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage('es-MX')).toBe('es');
    expect(preferredLanguage('es-419,es;q=0.9')).toBe('es');
    expect(preferredLanguage('es')).toBe('es');
    expect(preferredLanguage('en-US,en;q=0.9,es;q=0.8')).toBe('en');
    expect(preferredLanguage('fr-FR,es;q=0.5')).toBe('es');
    expect(preferredLanguage('fr-FR')).toBe('en');
    expect(preferredLanguage('es;q=0, en')).toBe('en');
  });
});
