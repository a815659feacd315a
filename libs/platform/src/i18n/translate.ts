import { MESSAGES_ES } from './messages-es.js';

export type Language = 'es' | 'en';

interface CompiledEntry {
  pattern: RegExp;
  spanish: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The entry with the most literal text wins: `property {} should not exist` before `{} should not exist`.
const ENTRIES: CompiledEntry[] = [...MESSAGES_ES]
  .sort(([a], [b]) => b.replaceAll('{}', '').length - a.replaceAll('{}', '').length)
  .map(([english, spanish]) => ({ pattern: new RegExp(`^${english.split('{}').map(escape).join('(.+?)')}$`, 's'), spanish }));

/** The message in Spanish, or unchanged when the catalogue has no entry for it. */
export function toSpanish(message: string): string {
  // Messages joined by "; " (several rules broken at once) are translated part by part.
  if (message.includes('; ')) {
    const whole = translateOne(message);
    if (whole !== null) return whole;
    return message.split('; ').map((part) => translateOne(part) ?? part).join('; ');
  }
  return translateOne(message) ?? message;
}

function translateOne(message: string): string | null {
  for (const { pattern, spanish } of ENTRIES) {
    const match = pattern.exec(message);
    if (match) return spanish.replace(/\{(\d+)\}/g, (_, i: string) => match[Number(i) + 1] ?? '');
  }
  return null;
}

/**
 * The language of the answer from `Accept-Language`: Spanish when the client prefers any Spanish (`es`,
 * `es-MX`, `es-419`) over English, English otherwise (and when the header is absent).
 */
export function preferredLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  let best: { lang: Language; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: Language | null = tag === 'es' || tag.startsWith('es-') ? 'es' : tag === 'en' || tag.startsWith('en-') || tag === '*' ? 'en' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

/** A message in the caller's language: es-MX when `Accept-Language` prefers Spanish, as written otherwise. */
export function localizeMessage(message: string, acceptLanguage: string | undefined): string {
  return preferredLanguage(acceptLanguage) === 'es' ? toSpanish(message) : message;
}

/** The same for a list (an error's field messages, a dry run's row errors). */
export function localizeMessages<T extends { message: string }>(items: readonly T[], acceptLanguage: string | undefined): T[] {
  return items.map((i) => ({ ...i, message: localizeMessage(i.message, acceptLanguage) }));
}
