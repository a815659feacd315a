import type { FieldError } from '../../../platform/src/http/field-errors.js';

/**
 * The rules a consultation comment follows beyond its fields' own (the DTO), for the form, the API and the import
 * alike: the activity it names is one of the version the round consults; a comment not attended says why.
 */
export function commentRuleErrors(c: { activityCode?: string | null; attended: boolean; response?: string | null }, versionActivityCodes: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (c.activityCode && !versionActivityCodes.has(c.activityCode)) errors.push({ field: 'activityCode', message: `activity ${c.activityCode} is not in the version this round consults` });
  if (!c.attended && !c.response?.trim()) errors.push({ field: 'response', message: 'a comment not attended needs its answer (why, e.g. "ya considerado")' });
  return errors;
}
