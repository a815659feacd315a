import type { Role } from '../../../platform/src/auth/roles.js';
import type { FieldError } from '../../../platform/src/http/field-errors.js';

/** What a re-plan may touch. */
export interface PlanItemState {
  included: boolean;
  plannedStart: string;
  plannedDue: string;
}

/** What a re-plan sends (or a re-plan request holds): the fields to change; absent ones keep their value. */
export interface ReplanChange {
  included?: boolean;
  plannedStart?: string;
  plannedDue?: string;
}

/**
 * The re-planning rules, as pure logic: fields not sent keep their value; only optional activities may be
 * excluded; the due date may not precede the start; something must actually change. Returns the new state
 * or the field errors (never both).
 */
export function applyReplan(current: PlanItemState, activity: { code: string; optional: boolean }, change: ReplanChange): { after: PlanItemState; errors: FieldError[] } {
  const after: PlanItemState = {
    included: change.included ?? current.included,
    plannedStart: change.plannedStart ?? current.plannedStart,
    plannedDue: change.plannedDue ?? current.plannedDue,
  };
  const errors: FieldError[] = [];
  if (change.included === undefined && change.plannedStart === undefined && change.plannedDue === undefined) {
    errors.push({ field: 'body', message: 'send at least one of included, plannedStart, plannedDue' });
    return { after, errors };
  }
  if (!after.included && !activity.optional) {
    errors.push({ field: 'included', message: `activity ${activity.code} is not optional and cannot be excluded` });
  }
  if (after.plannedDue < after.plannedStart) {
    errors.push({ field: 'plannedDue', message: `plannedDue (${after.plannedDue}) must not be before plannedStart (${after.plannedStart})` });
  }
  if (!errors.length && after.included === current.included && after.plannedStart === current.plannedStart && after.plannedDue === current.plannedDue) {
    errors.push({ field: 'body', message: 'nothing changes: the item already has these values' });
  }
  return { after, errors };
}

/**
 * Issue 9.4: a state officer's re-plan that moves the due date later than the item's current one is not applied
 * but waits for the coordination's approval. Moving dates earlier (or the start alone), a change of scope, and any
 * re-plan by the coordination apply at once.
 */
export function needsApproval(role: Role, current: PlanItemState, after: PlanItemState): boolean {
  return role === 'state_officer' && after.plannedDue > current.plannedDue;
}

/**
 * The version the client read, from the body (`version`) or the `If-Match` header (`"3"`, `W/"3"` or `3`;
 * `*` means "any"). Null when neither is sent. Errors name the field at fault.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): { version: number | null; errors: FieldError[] } {
  let header: number | null = null;
  if (ifMatch !== undefined && ifMatch.trim() !== '' && ifMatch.trim() !== '*') {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!m || Number(m[1]) < 1) return { version: null, errors: [{ field: 'If-Match', message: 'If-Match must carry the version that was read, e.g. "3"' }] };
    header = Number(m[1]);
  }
  if (bodyVersion !== undefined && header !== null && bodyVersion !== header) {
    return { version: null, errors: [{ field: 'version', message: `version (${bodyVersion}) and If-Match (${header}) disagree` }] };
  }
  return { version: bodyVersion ?? header, errors: [] };
}
