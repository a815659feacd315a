/** The name as shown: trimmed, inner runs of white space folded to one space. */
export function tidyInstitutionName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * The key "unique by name" compares: lower case, accents removed, spaces folded, so
 * "Secretaría de Finanzas" and "secretaria  de finanzas" are the same institution.
 */
export function institutionNameKey(name: string): string {
  return tidyInstitutionName(name).normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('es-MX');
}
