import type { Institution } from './institution.entity.js';

/** What the audit keeps of an institution (before/after), whether it changed by hand or by an import. */
export function institutionAuditView(i: Institution) {
  return { name: i.name, acronym: i.acronym, order: i.orderOfGovernment, joinedOn: i.joinedOn, exitedOn: i.exitedOn };
}
